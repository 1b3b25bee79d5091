package io.github.serviceaccounts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A service account made for a test: its id, client id and service-account user (a member like any user). */
public record TestAccount(TestRealm realm, String id, String clientId, TestUser user) {

    public static TestAccount create(TestRealm realm, String projectId, String name) {
        JsonNode account = realm.createServiceAccount(projectId, name);
        String id = account.get("id").asText();
        JsonNode user = realm.api().get(realm.admin("/clients/" + id + "/service-account-user"),
                realm.api().adminToken()).json();
        return new TestAccount(realm, id, account.get("clientId").asText(),
                new TestUser(user.get("id").asText(), user.get("username").asText(), account.get("email").asText()));
    }

    /** {@code /iam/service-accounts/<id>} plus the rest, e.g. {@code path("/keys")}. */
    public String path(String rest) {
        return realm.iam("/service-accounts/" + id + rest);
    }

    /** Generates a key as the realm's administrator: a client that gets this account's tokens. */
    public ServiceAccountClient client(String algorithm) {
        return ServiceAccountClient.of(realm.api(), realm.generateKey(id, algorithm));
    }

    /** Makes the account a member, as the realm's administrator; {@code unitPath} is e.g. {@code /projects/<id>}. */
    public TestAccount memberOf(String unitPath, String role) {
        realm.addMember(unitPath, user, role);
        return this;
    }

    public JsonNode representation() {
        return realm.api().get(path(""), realm.api().adminToken()).json();
    }

    public Response setEnabled(String token, boolean enabled) {
        return realm.api().put(path(""), token, Map.of("enabled", enabled));
    }
}
