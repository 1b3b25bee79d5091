package io.github.serviceaccounts.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.Registry;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.accounts.ServiceAccounts;
import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.directory.Members;
import io.github.serviceaccounts.keys.Keys;
import io.github.serviceaccounts.keys.PossessionProof;
import io.github.serviceaccounts.keys.ServiceAccountKey;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Leak response (SPEC §7): a key file someone found disables its key, if its private key really is the private half
 * of one of the realm's service-account keys (a key id alone proves nothing). The key is disabled with reason
 * {@code exposed} and the account's tokens are revoked.
 */
final class KeyExposures {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Settings settings;

    KeyExposures(KeycloakSession session, RealmModel realm, Settings settings) {
        this.session = session;
        this.realm = realm;
        this.settings = settings;
    }

    /** What was disabled: the account and the key as it is now. */
    record Disabled(ServiceAccount account, ServiceAccountKey key) {
    }

    Optional<Disabled> report(JsonNode keyFile) {
        String clientId = text(keyFile, "clientId");
        String keyId = text(keyFile, "keyId");
        String privateKey = text(keyFile, "privateKey");
        if (clientId == null || keyId == null || privateKey == null) {
            return Optional.empty();
        }
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !Registry.mayBeAccount(client)) {
            return Optional.empty();
        }
        Keys keys = new Keys(session, settings);
        Optional<ServiceAccountKey> key = keys.find(client.getId(), keyId);
        if (key.isEmpty() || !PossessionProof.proves(privateKey, key.get())) {
            return Optional.empty();
        }
        Directory directory = new Directory(session, realm);
        ServiceAccounts accounts = new ServiceAccounts(session, realm, directory, new Members(session, realm, directory),
                settings.emailDomain());
        Optional<ServiceAccount> account = accounts.find(client.getId());
        if (account.isEmpty() || !accounts.lock(account.get())) {
            return Optional.empty();
        }
        Optional<ServiceAccountKey> current = keys.find(client.getId(), keyId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ServiceAccountKey disabled = keys.setEnabled(current.get(), false, ServiceAccountKey.EXPOSED);
        accounts.revokeTokens(account.get());
        return Optional.of(new Disabled(account.get(), disabled));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isTextual() && value.asText().length() <= 16 * 1024 ? value.asText() : null;
    }
}
