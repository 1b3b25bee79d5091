package io.github.serviceaccounts.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.ClientAssertions;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestUser;
import java.net.URI;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("smoke")
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenIT {

    private Scenario s;
    private Api api;
    private int accounts;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    /** A fresh account of Website with one key of the algorithm; its key file as a client. */
    private ServiceAccountClient account(String algorithm) {
        String id = s.realm().createServiceAccount(s.website(), "token-" + ++accounts).get("id").asText();
        return ServiceAccountClient.of(api, s.realm().generateKey(id, algorithm));
    }

    private String accountId(ServiceAccountClient client) {
        return api.get(s.realm().admin("/clients?clientId=" + client.clientId()), api.adminToken()).json().get(0)
                .get("id").asText();
    }

    private TestUser userOf(ServiceAccountClient client) {
        JsonNode user = api.get(s.realm().admin("/clients/" + accountId(client) + "/service-account-user"),
                api.adminToken()).json();
        return new TestUser(user.get("id").asText(), user.get("username").asText(), user.path("email").asText());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Issuing {

        @ParameterizedTest
        @ValueSource(strings = {"RS256", "PS256", "ES256", "EdDSA"})
        void aKeyFileOfEveryAlgorithmGetsAToken(String algorithm) {
            ServiceAccountClient client = account(algorithm);

            Response answer = client.tokenRequest();

            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            JsonNode claims = Json.claims(answer.json().get("access_token").asText());
            assertThat(claims.get("azp").asText()).isEqualTo(client.clientId());
        }

        @Test
        void anIndependentOAuthLibraryGetsATokenFromTheDownloadedKeyFile() throws Exception {
            JsonNode keyFile = s.realm().generateKey(
                    s.realm().createServiceAccount(s.website(), "nimbus-client").get("id").asText(), "RS256");
            PrivateKey privateKey = io.github.serviceaccounts.testing.KeyMaterial.privateKey(keyFile);
            URI tokenUri = URI.create(keyFile.get("tokenUri").asText());

            PrivateKeyJWT auth = new PrivateKeyJWT(new ClientID(keyFile.get("clientId").asText()), tokenUri,
                    JWSAlgorithm.RS256, privateKey, keyFile.get("keyId").asText(), null);
            TokenResponse response = TokenResponse.parse(
                    new TokenRequest.Builder(tokenUri, auth, new ClientCredentialsGrant()).build().toHTTPRequest().send());

            assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
            String token = response.toSuccessResponse().getTokens().getAccessToken().getValue();
            assertThat(Json.claims(token).get("azp").asText()).isEqualTo(keyFile.get("clientId").asText());
        }

        @Test
        void theTokenCarriesTheAccountsEffectiveRoles() {
            ServiceAccountClient client = account("ES256");
            TestUser user = userOf(client);
            s.realm().addMember("/projects/" + s.website(), user, "project.developer");
            s.realm().addMember("/organizations/" + s.globex(), user, "organization.admin");

            JsonNode claims = Json.claims(client.token());

            assertThat(claims.get("organizations")).isEqualTo(Json.parse("{\"" + s.globex() + "\":\"organization.admin\"}"));
            assertThat(claims.at("/projects/" + s.website()).asText()).isEqualTo("project.developer");
            assertThat(claims.at("/projects/" + s.portal()).asText()).isEqualTo("project.admin");
            assertThat(claims.get("projects").size()).isEqualTo(2);
        }

        /** The scope is optional: a client's users' tokens carry the roles only when the client asks for them. */
        @Test
        void usersTokensCarryTheirRolesWhenTheClientAsksForTheIamRolesScope() {
            Response created = api.post(s.realm().admin("/clients"), api.adminToken(), Map.of("clientId", "portal-app",
                    "publicClient", true, "directAccessGrantsEnabled", true));
            assertThat(created.status()).isEqualTo(201);
            Map<String, String> grant = Map.of("grant_type", "password", "client_id", "portal-app",
                    "username", s.orgAdmin().username(), "password", s.orgAdmin().username());
            String tokenPath = "/realms/" + s.realm().name() + "/protocol/openid-connect/token";

            JsonNode withoutAsking = Json.claims(api.form(tokenPath, grant).json().get("access_token").asText());
            java.util.Map<String, String> asking = new java.util.HashMap<>(grant);
            asking.put("scope", "iam-roles");
            JsonNode claims = Json.claims(api.form(tokenPath, asking).json().get("access_token").asText());

            assertThat(withoutAsking.has("organizations")).isFalse();
            assertThat(withoutAsking.has("projects")).isFalse();
            assertThat(claims.at("/organizations/" + s.acme()).asText()).isEqualTo("organization.admin");
            assertThat(claims.at("/projects/" + s.website()).asText()).isEqualTo("project.admin");
            assertThat(claims.at("/projects/" + s.mobile()).asText()).isEqualTo("project.admin");
        }

        @Test
        void aNewAccountsTokenCarriesNoRoles() {
            JsonNode claims = Json.claims(account("RS256").token());

            assertThat(claims.get("organizations")).isEmpty();
            assertThat(claims.get("projects")).isEmpty();
        }

        @Test
        void theAudienceMayBeTheIssuerOrAOneElementArray() {
            ServiceAccountClient client = account("ES256");
            String issuer = api.baseUrl() + "/realms/" + s.realm().name();
            for (Object audience : List.of(issuer, List.of(client.tokenEndpoint()), List.of(issuer))) {
                Map<String, Object> claims = ClientAssertions.claims(client.clientId(), client.tokenEndpoint());
                claims.put("aud", audience);
                Response answer = client.tokenRequest(ClientAssertions.sign(
                        ClientAssertions.header("ES256", client.keyId()), claims, client.privateKey(), "ES256"));
                assertThat(answer.status()).as("aud %s: %s", audience, answer).isEqualTo(200);
            }
        }

        @Test
        void successIsAClientLoginEventNamingTheKey() {
            ServiceAccountClient client = account("RS256");

            client.token();

            JsonNode event = events("CLIENT_LOGIN", client.clientId()).get(0);
            assertThat(event.at("/details/client_jwt_kid").asText()).isEqualTo(client.keyId());
            assertThat(event.at("/details/client_auth_method").asText()).isEqualTo("client-jwt");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Refusing {

        @Test
        void everyRefusalIsTheSame401AndAnEventNamesTheReasonAndKey() {
            ServiceAccountClient client = account("RS256");
            Map<String, Object> claims = ClientAssertions.claims(client.clientId(), "https://elsewhere.example");
            String wrongAudience = ClientAssertions.sign(ClientAssertions.header("RS256", client.keyId()), claims,
                    client.privateKey(), "RS256");

            Response answer = client.tokenRequest(wrongAudience);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
            assertThat(answer.json().get("error_description").asText())
                    .isEqualTo("Invalid client or Invalid client credentials");
            assertThat(answer.json().has("access_token")).isFalse();
            JsonNode event = events("CLIENT_LOGIN_ERROR", client.clientId()).get(0);
            assertThat(event.at("/details/reason").asText()).isEqualTo("aud is neither the token endpoint nor the issuer");
            assertThat(event.at("/details/client_jwt_kid").asText()).isEqualTo(client.keyId());
        }

        @Test
        void anAccountMayAskForShorterAssertions() {
            ServiceAccountClient client = account("ES256");
            assertThat(api.put(s.iam("/service-accounts/" + accountId(client)), api.adminToken(),
                    Map.of("assertionLifetime", 60)).json().get("assertionLifetime").asInt()).isEqualTo(60);
            Map<String, Object> twoMinutes = ClientAssertions.claims(client.clientId(), client.tokenEndpoint());
            twoMinutes.put("exp", ((Long) twoMinutes.get("iat")) + 120);

            assertThat(client.tokenRequest(ClientAssertions.sign(ClientAssertions.header("ES256", client.keyId()),
                    twoMinutes, client.privateKey(), "ES256")).status()).isEqualTo(401);
            assertThat(client.tokenRequest().status()).isEqualTo(200);
        }

        /**
         * The jti is kept for as long as the assertion could pass: with a 10 s lifetime and iat 14 s ahead (within the
         * 15 s skew) the assertion is good until exp + 15 s, so a replay 13 s later must still be caught.
         */
        @Test
        void aReplayNearTheEndOfTheWindowIsRefused() throws InterruptedException {
            ServiceAccountClient client = account("ES256");
            api.put(s.iam("/service-accounts/" + accountId(client)), api.adminToken(), Map.of("assertionLifetime", 10));
            Map<String, Object> claims = ClientAssertions.claims(client.clientId(), client.tokenEndpoint());
            long now = java.time.Instant.now().getEpochSecond();
            claims.put("iat", now + 14);
            claims.put("exp", now + 24);
            String assertion = ClientAssertions.sign(ClientAssertions.header("ES256", client.keyId()), claims,
                    client.privateKey(), "ES256");
            assertThat(client.tokenRequest(assertion).status()).isEqualTo(200);

            Thread.sleep(13_000);

            assertThat(client.tokenRequest(assertion).status()).isEqualTo(401);
            assertThat(events("CLIENT_LOGIN_ERROR", client.clientId()).get(0).at("/details/reason").asText())
                    .startsWith("jti already used");
        }

        @Test
        void aReplayedAssertionIsRefused() {
            ServiceAccountClient client = account("ES256");
            String assertion = client.assertion();

            assertThat(client.tokenRequest(assertion).status()).isEqualTo(200);
            assertThat(client.tokenRequest(assertion).status()).isEqualTo(401);
        }

        @Test
        void anotherAccountsKeyIsNotLookedUp() {
            ServiceAccountClient victim = account("RS256");
            ServiceAccountClient attacker = account("RS256");
            String assertion = ClientAssertions.sign(ClientAssertions.header("RS256", attacker.keyId()),
                    ClientAssertions.claims(victim.clientId(), victim.tokenEndpoint()), attacker.privateKey(), "RS256");

            assertThat(victim.tokenRequest(assertion).status()).isEqualTo(401);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Discovery {

        @Test
        void privateKeyJwtIsAnnounced() {
            JsonNode configuration = api.get("/realms/" + s.realm().name() + "/.well-known/openid-configuration", null)
                    .json();

            assertThat(StreamSupport.stream(configuration.get("token_endpoint_auth_methods_supported").spliterator(),
                    false).map(JsonNode::asText).toList()).contains("private_key_jwt");
        }

        /** The extension persists nothing in the flows: Keycloak's own signed-JWT execution serves its accounts. */
        @Test
        void theClientAuthenticationFlowsHoldOnlyKeycloaksOwnAuthenticators() {
            for (String realm : List.of(s.realm().name(), "demo", "master")) {
                JsonNode executions = api.get("/admin/realms/" + realm + "/authentication/flows/clients/executions",
                        api.adminToken()).json();
                assertThat(executions.findValuesAsText("providerId")).as(realm)
                        .contains("client-secret", "client-jwt").doesNotContain("service-account-key");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ProgrammaticAccess {

        @Test
        void aProjectAdminAccountManagesMembersOfItsProjectOnly() {
            ServiceAccountClient client = account("ES256");
            s.realm().addMember("/projects/" + s.mobile(), userOf(client), "project.admin");
            String token = client.token();
            TestUser newcomer = s.realm().user("added-by-account");

            Response added = api.post(s.iam("/projects/" + s.mobile() + "/members"), token,
                    Map.of("email", newcomer.email(), "role", "project.user"));
            Response elsewhere = api.post(s.iam("/projects/" + s.portal() + "/members"), token,
                    Map.of("email", newcomer.email(), "role", "project.user"));

            assertThat(added.status()).isEqualTo(201);
            assertThat(elsewhere.status()).isEqualTo(404);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ImmediateEffect {

        private String introspector;

        @BeforeAll
        void createIntrospectionClient() {
            // A resource server; Keycloak 26.7 lets it introspect tokens not addressed to it only when told so.
            Response created = api.post(s.realm().admin("/clients"), api.adminToken(), Map.of("clientId", "introspector",
                    "publicClient", false, "secret", "introspector-secret", "standardFlowEnabled", false,
                    "attributes", Map.of("allow.token.introspection.without.audience.check", "true")));
            assertThat(created.status()).isEqualTo(201);
            introspector = "introspector-secret";
        }

        private boolean active(String token) {
            return api.form("/realms/" + s.realm().name() + "/protocol/openid-connect/token/introspect", Map.of(
                    "client_id", "introspector", "client_secret", introspector, "token", token))
                    .json().get("active").asBoolean();
        }

        /** Token times are whole seconds: an earlier token must be from an earlier second than the change. */
        private String earlierToken(ServiceAccountClient client) throws InterruptedException {
            String token = client.token();
            assertThat(active(token)).isTrue();
            Thread.sleep(1100);
            return token;
        }

        @Test
        void aRoleChangeMakesEarlierTokensInactiveAndNewOnesCarryIt() throws InterruptedException {
            ServiceAccountClient client = account("RS256");
            TestUser user = userOf(client);
            s.realm().addMember("/projects/" + s.website(), user, "project.user");
            String earlier = earlierToken(client);

            api.put(s.iam("/projects/" + s.website() + "/members/" + user.id()), api.adminToken(),
                    Map.of("role", "project.admin"));

            assertThat(active(earlier)).isFalse();
            String later = client.token();
            assertThat(active(later)).isTrue();
            assertThat(Json.claims(later).at("/projects/" + s.website()).asText()).isEqualTo("project.admin");
        }

        @Test
        void disablingOrDeletingTheKeyMakesEarlierTokensInactive() throws InterruptedException {
            ServiceAccountClient client = account("ES256");
            String keyPath = s.iam("/service-accounts/" + accountId(client) + "/keys/" + client.keyId());
            String beforeDisable = earlierToken(client);

            api.put(keyPath, api.adminToken(), Map.of("enabled", false));

            assertThat(active(beforeDisable)).isFalse();
            assertThat(client.tokenRequest().status()).isEqualTo(401);
            api.put(keyPath, api.adminToken(), Map.of("enabled", true));
            String beforeDelete = earlierToken(client);
            api.delete(keyPath, api.adminToken());
            assertThat(active(beforeDelete)).isFalse();
            assertThat(client.tokenRequest().status()).isEqualTo(401);
        }

        @Test
        void disablingTheAccountMakesEarlierTokensInactive() throws InterruptedException {
            ServiceAccountClient client = account("EdDSA");
            String earlier = earlierToken(client);

            api.put(s.iam("/service-accounts/" + accountId(client)), api.adminToken(), Map.of("enabled", false));

            assertThat(active(earlier)).isFalse();
            assertThat(client.tokenRequest().status()).isEqualTo(401);
        }
    }

    private List<JsonNode> events(String type, String clientId) {
        JsonNode events = api.get(s.realm().admin("/events?type=" + type + "&client=" + clientId + "&max=10"),
                api.adminToken()).json();
        return StreamSupport.stream(events.spliterator(), false).toList();
    }
}
