package io.github.serviceaccounts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trusted issuers for federated-credential tests: identity providers registered in a test realm the way a realm
 * administrator would, and a second realm of the same Keycloak that gives CI jobs tokens shaped like GitHub's.
 */
public final class Federation {

    private Federation() {
    }

    /** Registers an OpenID Connect identity provider with the issuer and its JWKS URL; answers its alias. */
    public static String trustOpenIdIssuer(TestRealm realm, String issuer, String jwksUrl) {
        String alias = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = new HashMap<>();
        config.put("issuer", issuer);
        config.put("useJwksUrl", "true");
        config.put("jwksUrl", jwksUrl);
        config.put("validateSignature", "true");
        config.put("clientId", "unused");
        config.put("clientSecret", "unused");
        config.put("clientAuthMethod", "client_secret_post");
        config.put("authorizationUrl", issuer + "/authorize");
        config.put("tokenUrl", issuer + "/token");
        register(realm, Map.of("alias", alias, "displayName", "Issuer " + alias, "providerId", "oidc",
                "enabled", true, "config", config));
        return alias;
    }

    /** Registers Keycloak's own Kubernetes identity provider (Keycloak 26.6 and later) for the issuer. */
    public static String trustKubernetesIssuer(TestRealm realm, String issuer) {
        String alias = "k8s-" + UUID.randomUUID().toString().substring(0, 8);
        register(realm, Map.of("alias", alias, "providerId", "kubernetes", "enabled", true,
                "config", Map.of("issuer", issuer)));
        return alias;
    }

    public static void setIdentityProviderEnabled(TestRealm realm, String alias, boolean enabled) {
        Api api = realm.api();
        JsonNode current = api.get(realm.admin("/identity-provider/instances/" + alias), api.adminToken()).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = Json.MAPPER.convertValue(current, Map.class);
        changed.put("enabled", enabled);
        Response answer = api.put(realm.admin("/identity-provider/instances/" + alias), api.adminToken(), changed);
        assertThat(answer.status()).as("%s", answer).isEqualTo(204);
    }

    /** The client-credentials grant for the account's client id with an external token as the assertion. */
    public static Response exchange(TestRealm realm, String clientId, String externalToken) {
        return realm.api().form("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", externalToken));
    }

    /** The realm's issuer URL: the audience a credential expects by default. */
    public static String issuerOf(TestRealm realm) {
        return realm.api().baseUrl() + "/realms/" + realm.name();
    }

    private static void register(TestRealm realm, Map<String, Object> provider) {
        Api api = realm.api();
        Response answer = api.post(realm.admin("/identity-provider/instances"), api.adminToken(), provider);
        assertThat(answer.status()).as("register identity provider: %s", answer).isEqualTo(201);
    }

    /**
     * A realm standing in for GitHub Actions: each job is a confidential client whose client-credentials tokens carry
     * hardcoded {@code repository}, {@code ref} and {@code environment} claims and the audience asked for.
     */
    public record CiRealm(TestRealm realm) {

        public static CiRealm create(Api api) {
            return new CiRealm(TestRealm.create(api));
        }

        public String issuer() {
            return realm.api().baseUrl() + "/realms/" + realm.name();
        }

        public String jwksUrl() {
            return issuer() + "/protocol/openid-connect/certs";
        }

        /** Trusts this realm in the other one, as an OpenID Connect identity provider. */
        public String trustedBy(TestRealm other) {
            return trustOpenIdIssuer(other, issuer(), jwksUrl());
        }

        public Job job(String repository, String ref, String environment, String audience) {
            String clientId = "job-" + UUID.randomUUID().toString().substring(0, 8);
            List<Map<String, Object>> mappers = new ArrayList<>();
            mappers.add(hardcoded("repository", repository));
            mappers.add(hardcoded("ref", ref));
            mappers.add(hardcoded("environment", environment));
            mappers.add(Map.of("name", "audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.custom.audience", audience,
                            "access.token.claim", "true", "id.token.claim", "false")));
            Api api = realm.api();
            Response created = api.post(realm.admin("/clients"), api.adminToken(), Map.of("clientId", clientId,
                    "publicClient", false, "secret", clientId + "-secret", "serviceAccountsEnabled", true,
                    "standardFlowEnabled", false, "protocolMappers", mappers));
            assertThat(created.status()).as("create job client: %s", created).isEqualTo(201);
            return new Job(this, clientId);
        }

        private static Map<String, Object> hardcoded(String claim, String value) {
            return Map.of("name", claim, "protocol", "openid-connect", "protocolMapper",
                    "oidc-hardcoded-claim-mapper", "config", Map.of("claim.name", claim, "claim.value", value,
                            "jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "false"));
        }
    }

    /** A CI job: a client of the CI realm whose tokens stand for the job. */
    public record Job(CiRealm ci, String clientId) {

        /** A fresh token of the job, as a runner would request it. */
        public String token() {
            Response answer = ci.realm().api().form("/realms/" + ci.realm().name() + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                            clientId + "-secret"));
            assertThat(answer.status()).as("job token: %s", answer).isEqualTo(200);
            return answer.json().get("access_token").asText();
        }

        /** The {@code sub} of the job's tokens. */
        public String subject() {
            return Json.claims(token()).get("sub").asText();
        }
    }
}
