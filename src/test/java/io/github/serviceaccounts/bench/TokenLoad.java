package io.github.serviceaccounts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Token requests under load for the three ways a client proves itself. Assertions are signed before each measured
 * phase, so the load generator spends no CPU on RSA while measuring.
 */
final class TokenLoad {

    static final String OURS = "service-account";
    static final String CLIENT_JWT = "client-jwt (plain client)";
    static final String CLIENT_SECRET = "client-secret";
    static final String FEDERATED = "federated credential";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Duration warmup;
    private final Duration measured;

    TokenLoad(Duration warmup, Duration measured) {
        this.warmup = warmup;
        this.measured = measured;
    }

    /**
     * The extension's roles mapper, as every service account's client carries it: the plain clients get it too, so
     * all four paths run the same mappers. (A plain client's service-account user may not be a member, so its claims
     * are empty where the accounts' name their project: if anything, that favours the plain clients.)
     */
    private static final Map<String, Object> ROLES_MAPPER = Map.of("name", "organization and project roles",
            "protocol", "openid-connect", "protocolMapper", "iam-roles-mapper", "config", Map.of(
                    "access.token.claim", "true", "introspection.token.claim", "true",
                    "userinfo.token.claim", "true", "id.token.claim", "false"));

    /** A plain client of the signed-JWT method (no service account), with an RS256 key given as a JWKS. */
    static ServiceAccountClient clientJwt(TestRealm realm, String project) throws Exception {
        Api api = realm.api();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("bench-key").keyUse(KeyUse.SIGNATURE).build();
        check(api.post(realm.admin("/clients"), api.adminToken(), Map.of("clientId", "bench-client-jwt",
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "fullScopeAllowed", false, "clientAuthenticatorType", "client-jwt",
                "attributes", Map.of("use.jwks.string", "true",
                        "jwks.string", "{\"keys\":[" + jwk.toPublicJWK().toJSONString() + "]}",
                        "token.endpoint.auth.signing.alg", "RS256"),
                "protocolMappers", List.of(ROLES_MAPPER))));
        return ServiceAccountClient.of(api, realm.name(), "bench-client-jwt", "bench-key", "RS256", pair.getPrivate());
    }

    /** A plain client of Keycloak's client-secret authenticator; answers its secret. */
    static String clientSecret(TestRealm realm, String project) {
        Api api = realm.api();
        check(api.post(realm.admin("/clients"), api.adminToken(), Map.of("clientId", "bench-client-secret",
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "fullScopeAllowed", false, "secret", "bench-secret", "protocolMappers", List.of(ROLES_MAPPER))));
        return "bench-secret";
    }

    static void member(TestRealm realm, String project, String username) {
        Api api = realm.api();
        JsonNode user = api.get(realm.admin("/users?exact=true&username=" + username), api.adminToken()).json().get(0);
        realm.addMember("/projects/" + project, new TestUser(user.get("id").asText(), username, null), "project.developer");
    }

    Load.Result assertions(String label, ServiceAccountClient client, int concurrency) throws InterruptedException {
        int needed = (int) Math.min(40_000, 1200 * (warmup.toSeconds() + measured.toSeconds()));
        List<String> bodies = new ArrayList<>(needed);
        for (int i = 0; i < needed; i++) {
            bodies.add(assertionBody(client));
        }
        URI uri = URI.create(client.api().baseUrl() + client.tokenPath());
        return Load.run(label, concurrency, warmup, measured,
                i -> post(uri, i < needed ? bodies.get(i) : assertionBody(client)));
    }

    Load.Result secret(String baseUrl, String realm, String secret, int concurrency) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token");
        String body = form(Map.of("grant_type", "client_credentials", "client_id", "bench-client-secret",
                "client_secret", secret));
        return Load.run(CLIENT_SECRET, concurrency, warmup, measured, i -> post(uri, body));
    }

    /** The account's client id with one external token, presented again and again as a workload reuses it. */
    Load.Result federated(String baseUrl, String realm, String clientId, String externalToken, int concurrency)
            throws InterruptedException {
        URI uri = URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token");
        String body = form(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_assertion_type", JWT_BEARER, "client_assertion", externalToken));
        return Load.run(FEDERATED, concurrency, warmup, measured, i -> post(uri, body));
    }

    private static String assertionBody(ServiceAccountClient client) {
        return form(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                "client_assertion_type", JWT_BEARER, "client_assertion", client.assertion()));
    }

    private static boolean post(URI uri, String body) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static void check(Response created) {
        if (created.status() != 201) {
            throw new IllegalStateException("Setup failed: " + created);
        }
    }
}
