package io.github.serviceaccounts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * A resource server of a test realm that asks the token-introspection endpoint whether tokens are still active, as
 * APIs that trust the realm's tokens do.
 */
public final class Introspector {

    private static final String SECRET = "introspector-secret";

    private final TestRealm realm;

    private Introspector(TestRealm realm) {
        this.realm = realm;
    }

    /** Keycloak 26.7 lets a client introspect tokens not addressed to it only when told so. */
    public static Introspector create(TestRealm realm) {
        Response created = realm.api().post(realm.admin("/clients"), realm.api().adminToken(), Map.of(
                "clientId", "introspector", "publicClient", false, "secret", SECRET, "standardFlowEnabled", false,
                "attributes", Map.of("allow.token.introspection.without.audience.check", "true")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new Introspector(realm);
    }

    public boolean active(String token) {
        return realm.api().form("/realms/" + realm.name() + "/protocol/openid-connect/token/introspect", Map.of(
                "client_id", "introspector", "client_secret", SECRET, "token", token)).json().get("active").asBoolean();
    }

    /** A token that is active now, from an earlier second than whatever the test does next (token times are seconds). */
    public String earlierToken(ServiceAccountClient client) throws InterruptedException {
        String token = client.token();
        assertThat(active(token)).isTrue();
        Thread.sleep(1100);
        return token;
    }
}
