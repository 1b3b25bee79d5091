package io.github.serviceaccounts.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.ClientAssertions;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile client assertions at the token endpoint. Each must get {@code 401 invalid_client} with the same body, no
 * token, and a login-error event naming a reason.
 */
@Tag("smoke")
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackBatteryIT {

    private static final JsonNode REFUSAL = Json.parse(
            "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");

    private Scenario s;
    private Api api;
    private ServiceAccountClient other;
    private KeyPair attackerKeys;
    private int accounts;

    /**
     * One attack: the algorithm of the victim's key, the assertion sent for the victim, and the start of the reason the
     * login-error event must give (each attack must be refused by the check it aims at, not by an earlier one).
     */
    private record Attack(String victimAlgorithm, Function<Victim, String> assertion, String reason) {
    }

    /** A fresh account under attack, its id and the path of its one key. */
    private record Victim(ServiceAccountClient client, String accountId, String keyPath) {
    }

    @BeforeAll
    void createScenario(Api api) throws Exception {
        this.api = api;
        this.s = Scenario.create(api);
        this.other = victim("RS256").client();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.attackerKeys = generator.generateKeyPair();
    }

    private Victim victim(String algorithm) {
        String id = s.realm().createServiceAccount(s.website(), "victim-" + ++accounts).get("id").asText();
        ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().generateKey(id, algorithm));
        return new Victim(client, id, s.iam("/service-accounts/" + id + "/keys/" + client.keyId()));
    }

    Stream<Arguments> attacks() {
        return Stream.of(
                attack("alg none", v -> ClientAssertions.unsigned(header(v, "none"), claims(v)),
                        "alg none is not the key's algorithm RS256"),
                attack("HS256 keyed with the public key's DER bytes (key confusion)",
                        v -> hmac(v, publicKey(v).getEncoded()), "alg HS256 is not the key's algorithm RS256"),
                attack("HS256 keyed with the public key's PEM text (key confusion)",
                        v -> hmac(v, pem(publicKey(v)).getBytes(StandardCharsets.US_ASCII)),
                        "alg HS256 is not the key's algorithm RS256"),
                attack("ES256", "RS256 header on the account's own ES256 key", v -> ClientAssertions.sign(
                        ClientAssertions.header("RS256", v.client().keyId()), claims(v), attackerKeys.getPrivate(),
                        "RS256"), "alg RS256 is not the key's algorithm ES256"),
                attack("kid of another account's key", v -> ClientAssertions.sign(
                        ClientAssertions.header("RS256", other.keyId()), claims(v), other.privateKey(), "RS256"),
                        "kid is not a key of this service account"),
                attack("no kid", v -> signed(v, ClientAssertions.header("RS256", null), claims(v)),
                        "kid missing from the JWT header"),
                attack("unknown kid", v -> signed(v, ClientAssertions.header("RS256", "no-such-key"), claims(v)),
                        "kid is not a key of this service account"),
                attack("crit header (RFC 7515 §4.1.11)", v -> signed(v, put(header(v, "RS256"), "crit",
                        List.of("exp")), claims(v)), "crit header present"),
                attack("expired", v -> signed(v, header(v, "RS256"), with(claims(v), "iat", -300, "exp", -120)),
                        "assertion expired"),
                attack("exp an hour ahead", v -> signed(v, header(v, "RS256"), with(claims(v), "iat", 0, "exp", 3600)),
                        "exp is more than 600 s after iat"),
                attack("exp eleven minutes ahead without iat", v -> {
                    Map<String, Object> claims = with(claims(v), "exp", 660);
                    claims.remove("iat");
                    return signed(v, header(v, "RS256"), claims);
                }, "exp is more than 600 s after now"),
                attack("iat in the future", v -> signed(v, header(v, "RS256"), with(claims(v), "iat", 120, "exp", 180)),
                        "iat is in the future"),
                attack("nbf in the future", v -> signed(v, header(v, "RS256"), with(claims(v), "nbf", 120)),
                        "nbf is in the future"),
                attack("wrong aud", v -> signed(v, header(v, "RS256"), put(claims(v), "aud", "https://elsewhere.example")),
                        "aud is neither the token endpoint nor the issuer"),
                attack("aud array holding the token endpoint and another audience", v -> signed(v, header(v, "RS256"),
                        put(claims(v), "aud", List.of(v.client().tokenEndpoint(), "https://elsewhere.example"))),
                        "aud holds more than one audience"),
                attack("no aud", v -> {
                    Map<String, Object> claims = claims(v);
                    claims.remove("aud");
                    return signed(v, header(v, "RS256"), claims);
                }, "aud missing"),
                attack("iss is not sub", v -> signed(v, header(v, "RS256"), put(claims(v), "iss", "someone-else")),
                        "no federated credential of this service account trusts issuer"),
                attack("sub of another client", v -> signed(v, header(v, "RS256"),
                        put(put(claims(v), "sub", other.clientId()), "iss", other.clientId())),
                        "no federated credential of this service account trusts issuer"),
                attack("no jti", v -> {
                    Map<String, Object> claims = claims(v);
                    claims.remove("jti");
                    return signed(v, header(v, "RS256"), claims);
                }, "jti missing"),
                attack("replayed jti", v -> {
                    String assertion = v.client().assertion();
                    assertThat(v.client().tokenRequest(assertion).status()).isEqualTo(200);
                    return assertion;
                }, "jti already used"),
                attack("truncated JWT", v -> {
                    String assertion = v.client().assertion();
                    return assertion.substring(0, assertion.length() - 10);
                }, "signature does not verify with the key"),
                attack("signature of another message", v -> {
                    String[] parts = v.client().assertion().split("\\.");
                    String[] decoy = v.client().assertion().split("\\.");
                    return parts[0] + "." + parts[1] + "." + decoy[2];
                }, "signature does not verify with the key"),
                attack("garbled JWT", v -> "not.a.jwt", "client_assertion is not a JWT"),
                attack("empty assertion", v -> "", "client_assertion is not a JWT"),
                attack("100 KB assertion", v -> "a".repeat(100 * 1024), "client_assertion too large"),
                attack("jwk header carrying the attacker's key", v -> attackerSigned(v,
                        put(header(v, "RS256"), "jwk", new RSAKey.Builder((RSAPublicKey) attackerKeys.getPublic())
                                .build().toJSONObject())), "signature does not verify with the key"),
                attack("jku header pointing at the attacker", v -> attackerSigned(v,
                        put(header(v, "RS256"), "jku", "https://attacker.example/jwks.json")),
                        "signature does not verify with the key"),
                attack("x5u header pointing at the attacker", v -> attackerSigned(v,
                        put(header(v, "RS256"), "x5u", "https://attacker.example/cert.pem")),
                        "signature does not verify with the key"),
                attack("x5c header carrying the attacker's key", v -> attackerSigned(v,
                        put(header(v, "RS256"), "x5c", List.of(Base64.getEncoder()
                                .encodeToString(attackerKeys.getPublic().getEncoded())))),
                        "signature does not verify with the key"),
                attack("deleted key", v -> {
                    api.delete(v.keyPath(), api.adminToken());
                    return v.client().assertion();
                }, "kid is not a key of this service account"),
                attack("disabled key", v -> {
                    api.put(v.keyPath(), api.adminToken(), Map.of("enabled", false));
                    return v.client().assertion();
                }, "key disabled"),
                attack("disabled account", v -> {
                    api.put(s.iam("/service-accounts/" + v.accountId()), api.adminToken(), Map.of("enabled", false));
                    return v.client().assertion();
                }, "service account disabled"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefusedAlikeAndLoggedWithItsReason(Attack attack) {
        Victim victim = victim(attack.victimAlgorithm());
        String assertion = attack.assertion().apply(victim);

        Instant start = Instant.now();
        Response answer = victim.client().tokenRequest(assertion);
        Duration took = Duration.between(start, Instant.now());

        assertThat(answer.status()).as("%s", answer).isEqualTo(401);
        assertThat(answer.json()).isEqualTo(REFUSAL);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        JsonNode events = api.get(s.realm().admin("/events?type=CLIENT_LOGIN_ERROR&client="
                + victim.client().clientId()), api.adminToken()).json();
        assertThat(events).as("login-error events of %s", victim.client().clientId()).isNotEmpty();
        assertThat(events.get(0).at("/details/reason").asText()).startsWith(attack.reason());
    }

    /** Keycloak's HTTP layer takes form fields of up to 128 KB; a larger one never reaches the token endpoint. */
    @org.junit.jupiter.api.Test
    void aOneMegabyteAssertionIsRefusedBeforeAnyParsing() {
        Victim victim = victim("RS256");

        Instant start = Instant.now();
        Response answer = victim.client().tokenRequest("a".repeat(1024 * 1024));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).doesNotContain("access_token");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @MethodSource("expiredKeys")
    void anExpiredKeyIsRefusedToo(String algorithm) throws InterruptedException {
        String id = s.realm().createServiceAccount(s.website(), "expiring-" + ++accounts).get("id").asText();
        JsonNode created = api.post(s.iam("/service-accounts/" + id + "/keys"), api.adminToken(),
                Map.of("algorithm", algorithm, "expiresAt", Instant.now().plusSeconds(1).toString())).json();
        ServiceAccountClient client = ServiceAccountClient.of(api, created.get("keyFile"));
        Thread.sleep(1500);

        Response answer = client.tokenRequest();

        assertThat(answer.status()).isEqualTo(401);
        JsonNode event = api.get(s.realm().admin("/events?type=CLIENT_LOGIN_ERROR&client=" + client.clientId()),
                api.adminToken()).json().get(0);
        assertThat(event.at("/details/reason").asText()).isEqualTo("key expired");
        assertThat(event.at("/details/client_jwt_kid").asText()).isEqualTo(client.keyId());
    }

    static Stream<String> expiredKeys() {
        return Stream.of("RS256", "EdDSA");
    }

    private static Arguments attack(String name, Function<Victim, String> assertion, String reason) {
        return attack("RS256", name, assertion, reason);
    }

    private static Arguments attack(String victimAlgorithm, String name, Function<Victim, String> assertion,
            String reason) {
        return Arguments.of(Named.of(name, new Attack(victimAlgorithm, assertion, reason)));
    }

    private static Map<String, Object> header(Victim v, String algorithm) {
        return ClientAssertions.header(algorithm, v.client().keyId());
    }

    private static Map<String, Object> claims(Victim v) {
        return ClientAssertions.claims(v.client().clientId(), v.client().tokenEndpoint());
    }

    private static String signed(Victim v, Map<String, Object> header, Map<String, Object> claims) {
        return ClientAssertions.sign(header, claims, v.client().privateKey(), "RS256");
    }

    private String attackerSigned(Victim v, Map<String, Object> header) {
        return ClientAssertions.sign(header, claims(v), attackerKeys.getPrivate(), "RS256");
    }

    /** Times relative to now, in seconds: {@code with(claims, "iat", -300, "exp", -120)}. */
    private static Map<String, Object> with(Map<String, Object> claims, Object... relative) {
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < relative.length; i += 2) {
            claims.put((String) relative[i], now + ((Integer) relative[i + 1]));
        }
        return claims;
    }

    private static Map<String, Object> put(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    private static PublicKey publicKey(Victim v) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) v.client().privateKey();
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(),
                    key.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String hmac(Victim v, byte[] secret) {
        String input = ClientAssertions.encode(header(v, "HS256")) + "." + ClientAssertions.encode(claims(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
