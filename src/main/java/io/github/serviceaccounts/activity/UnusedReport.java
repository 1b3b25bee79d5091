package io.github.serviceaccounts.activity;

import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.accounts.ServiceAccounts;
import io.github.serviceaccounts.directory.Page;
import io.github.serviceaccounts.directory.Project;
import io.github.serviceaccounts.federation.FederatedCredential;
import io.github.serviceaccounts.federation.FederatedCredentials;
import io.github.serviceaccounts.keys.Keys;
import io.github.serviceaccounts.keys.ServiceAccountKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * The service accounts, keys and federated credentials of a project not used since a moment (SPEC §7). One never
 * used counts from its creation: a key made yesterday is not reported as unused for 90 days.
 */
public final class UnusedReport {

    /** Ids per IN list: short enough that the database looks each one up rather than reading a whole table. */
    private static final int CHUNK = 100;

    private final ServiceAccounts accounts;
    private final Keys keys;
    private final FederatedCredentials credentials;
    private final LastUses lastUses;

    public UnusedReport(KeycloakSession session, ServiceAccounts accounts, Keys keys,
            FederatedCredentials credentials) {
        this.accounts = accounts;
        this.keys = keys;
        this.credentials = credentials;
        this.lastUses = new LastUses(session);
    }

    /**
     * What the report found; {@code lastUses} of every account of the project (absent: never used), {@code names}
     * of every account, for the keys and credentials to say whose they are.
     */
    public record Found(List<ServiceAccount> accounts, Map<String, Instant> lastUses, Map<String, String> names,
            List<ServiceAccountKey> keys, List<FederatedCredential> credentials) {
    }

    public Found of(Project project, Instant since) {
        List<ServiceAccount> unusedAccounts = new ArrayList<>();
        List<ServiceAccountKey> unusedKeys = new ArrayList<>();
        List<FederatedCredential> unusedCredentials = new ArrayList<>();
        Map<String, Instant> uses = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        // The project's accounts in one query (paging by offset re-read the earlier rows for every chunk), then their
        // uses, keys and credentials a chunk of ids at a time.
        List<ServiceAccount> all = accounts.ofProject(project, new Page(0, Integer.MAX_VALUE, null));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<ServiceAccount> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<String> ids = chunk.stream().map(ServiceAccount::id).toList();
            Map<String, Instant> last = lastUses.of(ids);
            uses.putAll(last);
            chunk.forEach(a -> names.put(a.id(), a.name()));
            chunk.stream().filter(a -> before(last.get(a.id()), a.createdAt(), since)).forEach(unusedAccounts::add);
            keys.ofAccounts(ids).stream().filter(k -> before(k.lastUsedAt(), k.createdAt(), since))
                    .forEach(unusedKeys::add);
            credentials.ofAccounts(ids).stream().filter(c -> before(c.lastUsedAt(), c.createdAt(), since))
                    .forEach(unusedCredentials::add);
        }
        return new Found(unusedAccounts, uses, names, unusedKeys, unusedCredentials);
    }

    private static boolean before(Instant lastUsed, Instant created, Instant since) {
        Instant reference = lastUsed != null ? lastUsed : created;
        return reference == null || reference.isBefore(since);
    }
}
