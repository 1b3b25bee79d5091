package io.github.serviceaccounts.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.serviceaccounts.testing.LastUse;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Concurrently;
import io.github.serviceaccounts.testing.DatabaseRows;
import io.github.serviceaccounts.testing.ClientAssertions;
import io.github.serviceaccounts.testing.KeyMaterial;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.KeycloakServer;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.awaitility.Awaitility;
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
class KeysIT {

    private Scenario s;
    private Api api;
    private KeycloakServer server;
    private int accounts;

    @BeforeAll
    void createScenario(Api api, KeycloakServer server) {
        this.api = api;
        this.server = server;
        this.s = Scenario.create(api);
    }

    private JsonNode newAccount() {
        return s.realm().createServiceAccount(s.website(), "keys-" + ++accounts);
    }

    private String keys(JsonNode account) {
        return s.iam("/service-accounts/" + account.get("id").asText() + "/keys");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair pair(String algorithm, Object parameter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (parameter instanceof Integer bits) {
            generator.initialize(bits);
        } else if (parameter instanceof String curve) {
            generator.initialize(new ECGenParameterSpec(curve));
        }
        return generator.generateKeyPair();
    }

    /** Proves an uploaded key works: signs an assertion with its private half and gets a token. */
    private void assertAuthenticates(JsonNode account, JsonNode key, KeyPair pair) {
        ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().name(), account.get("clientId").asText(),
                key.get("id").asText(), key.get("algorithm").asText(), pair.getPrivate());
        assertThat(client.tokenRequest().status()).isEqualTo(200);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Generating {

        @Test
        void answersTheKeyAndItsKeyFileOnce() {
            JsonNode account = newAccount();

            Response created = api.post(keys(account), s.token(s.developer()), Map.of());

            assertThat(created.status()).isEqualTo(201);
            JsonNode key = created.json();
            String id = key.get("id").asText();
            assertThat(created.header("Location")).endsWith("/service-accounts/" + account.get("id").asText() + "/keys/" + id);
            assertThat(key.get("algorithm").asText()).isEqualTo("RS256");
            assertThat(key.get("fingerprint").asText()).matches("[0-9a-f]{64}");
            assertThat(key.get("enabled").asBoolean()).isTrue();
            assertThat(key.get("origin").asText()).isEqualTo("generated");
            assertThat(key.get("createdBy").asText()).isEqualTo(s.developer().id());
            assertThat(key.get("expiresAt").isNull()).isTrue();
            assertThat(key.get("lastUsedAt").isNull()).isTrue();
            JsonNode file = key.get("keyFile");
            assertThat(file.get("type").asText()).isEqualTo("service_account_key");
            assertThat(file.get("realm").asText()).isEqualTo(s.realm().name());
            assertThat(file.get("clientId").asText()).isEqualTo(account.get("clientId").asText());
            assertThat(file.get("keyId").asText()).isEqualTo(id);
            assertThat(file.get("algorithm").asText()).isEqualTo("RS256");
            assertThat(file.get("privateKey").asText()).startsWith("-----BEGIN PRIVATE KEY-----\n");
            assertThat(file.get("tokenUri").asText())
                    .isEqualTo(api.baseUrl() + "/realms/" + s.realm().name() + "/protocol/openid-connect/token");

            JsonNode listed = api.get(keys(account), s.token(s.projectUser())).json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).has("keyFile")).isFalse();
            assertThat(listed.get(0).toString()).doesNotContain("PRIVATE");
            JsonNode event = s.realm().adminEvent("CREATE",
                    "iam/service-accounts/" + account.get("id").asText() + "/keys/" + id);
            assertThat(event.get("representation").asText()).contains(id).doesNotContain("PRIVATE", "privateKey");
        }

        @Test
        void answersTheKeyFileAsCsvWhenAsked() {
            JsonNode account = newAccount();

            Response created = api.send(api.request(keys(account), api.adminToken()).header("Accept", "text/csv")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"algorithm\": \"ES256\"}")));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Content-Type")).startsWith("text/csv");
            List<String> lines = created.body().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("type,realm,clientId,keyId,algorithm,privateKey,tokenUri");
            String[] row = lines.get(1).split(",");
            assertThat(row[0]).isEqualTo("service_account_key");
            assertThat(row[2]).isEqualTo(account.get("clientId").asText());
            ServiceAccountClient client = ServiceAccountClient.of(api, row[1], row[2], row[3], row[4],
                    KeyMaterial.fromPkcs8(Base64.getDecoder().decode(row[5]), row[4]));
            assertThat(client.tokenRequest().status()).isEqualTo(200);
        }

        @Test
        void keepsTheExpiryAsked() {
            String expiry = Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

            Response created = api.post(keys(newAccount()), api.adminToken(), Map.of("algorithm", "EdDSA",
                    "expiresAt", expiry));

            assertThat(created.json().get("expiresAt").asText()).isEqualTo(expiry);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Uploading {

        @Test
        void aPemPublicKeyIsRegisteredAndAuthenticates() throws Exception {
            JsonNode account = newAccount();
            KeyPair pair = pair("RSA", 3072);

            Response created = api.post(keys(account), s.token(s.developer()),
                    Map.of("publicKey", pem("PUBLIC KEY", pair.getPublic().getEncoded()), "algorithm", "PS256"));

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.json().get("origin").asText()).isEqualTo("uploaded");
            assertThat(created.json().get("algorithm").asText()).isEqualTo("PS256");
            assertThat(created.json().has("keyFile")).isFalse();
            assertAuthenticates(account, created.json(), pair);
        }

        @Test
        void anX509CertificateIsRegisteredAndExpiresWithIt() throws Exception {
            JsonNode account = newAccount();
            KeyPair pair = pair("EC", "secp256r1");
            Instant notAfter = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            var certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    new X500Name("CN=job"), BigInteger.ONE, new Date(), Date.from(notAfter), new X500Name("CN=job"),
                    pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));

            Response created = api.post(keys(account), api.adminToken(),
                    Map.of("publicKey", pem("CERTIFICATE", certificate.getEncoded())));

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.json().get("algorithm").asText()).isEqualTo("ES256");
            assertThat(created.json().get("expiresAt").asText()).isEqualTo(notAfter.toString());
            assertAuthenticates(account, created.json(), pair);
        }

        @Test
        void aJwkIsRegisteredAndAuthenticates() throws Exception {
            JsonNode account = newAccount();
            ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();

            Response created = api.post(keys(account), api.adminToken(),
                    Map.of("jwk", jwk.toPublicJWK().toJSONObject()));

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertAuthenticates(account, created.json(), new KeyPair(jwk.toPublicKey(), jwk.toPrivateKey()));
        }

        @Test
        void anEd25519KeyIsRegisteredAndAuthenticates() throws Exception {
            JsonNode account = newAccount();
            KeyPair pair = pair("Ed25519", null);

            Response created = api.post(keys(account), api.adminToken(),
                    Map.of("publicKey", pem("PUBLIC KEY", pair.getPublic().getEncoded())));

            assertThat(created.json().get("algorithm").asText()).isEqualTo("EdDSA");
            assertAuthenticates(account, created.json(), pair);
        }

        @Test
        void theSameKeyTwiceIsRefused() throws Exception {
            JsonNode account = newAccount();
            String publicKey = pem("PUBLIC KEY", pair("EC", "secp256r1").getPublic().getEncoded());

            api.post(keys(account), api.adminToken(), Map.of("publicKey", publicKey));
            Response again = api.post(keys(account), api.adminToken(), Map.of("publicKey", publicKey));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("error").asText()).isEqualTo("key_exists");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Refusing {

        private JsonNode account;

        @BeforeAll
        void createAccount() {
            account = newAccount();
        }

        private Response upload(Map<String, Object> body) {
            return api.post(keys(account), api.adminToken(), body);
        }

        private void assertRefused(Response answer, String field) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(answer.json().get("error_description").asText()).startsWith(field);
            assertThat(api.get(keys(account), api.adminToken()).json()).isEmpty();
        }

        /**
         * With the exponent 1 the "signature" of any message is the message's own padding, so anyone who knows a key id
         * could sign: the account would be anyone's. Every exponent but 65537 is refused, in PEM and in JWK.
         */
        @ParameterizedTest
        @ValueSource(ints = {1, 3, 17, 65539})
        void rsaKeysWithAnExponentOtherThan65537(int exponent) throws Exception {
            BigInteger modulus = ((java.security.interfaces.RSAPublicKey) pair("RSA", 2048).getPublic()).getModulus();
            // Written with BouncyCastle's ASN.1 classes: the JDK refuses to build a key with an exponent under 3.
            byte[] weak = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                    new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                            org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption,
                            org.bouncycastle.asn1.DERNull.INSTANCE),
                    new org.bouncycastle.asn1.pkcs.RSAPublicKey(modulus, BigInteger.valueOf(exponent))).getEncoded();
            Map<String, Object> jwk = Map.of("kty", "RSA", "n", base64Url(modulus),
                    "e", base64Url(BigInteger.valueOf(exponent)));

            Response pemAnswer = upload(Map.of("publicKey", pem("PUBLIC KEY", weak)));
            Response jwkAnswer = upload(Map.of("jwk", jwk));

            assertRefused(pemAnswer, "publicKey");
            assertRefused(jwkAnswer, "jwk");
            assertThat(pemAnswer.json().get("error_description").asText()).contains("public exponent 65537");
            assertThat(jwkAnswer.json().get("error_description").asText()).contains("public exponent 65537");
        }

        @Test
        void rsaKeysOver8192Bits() {
            // Only the size matters to the check: any odd number of 8200 bits will do.
            BigInteger modulus = new BigInteger(8200, new java.security.SecureRandom()).setBit(8199).setBit(0);

            Response answer = upload(Map.of("jwk", Map.of("kty", "RSA", "n", base64Url(modulus), "e", "AQAB")));

            assertRefused(answer, "jwk");
            assertThat(answer.json().get("error_description").asText()).contains("8192 bits");
        }

        @Test
        void rsaKeysUnder2048Bits() throws Exception {
            assertRefused(upload(Map.of("publicKey", pem("PUBLIC KEY", pair("RSA", 1024).getPublic().getEncoded()))),
                    "publicKey");
        }

        @ParameterizedTest
        @ValueSource(strings = {"secp384r1", "secp521r1"})
        void otherCurves(String curve) throws Exception {
            assertRefused(upload(Map.of("publicKey", pem("PUBLIC KEY", pair("EC", curve).getPublic().getEncoded()))),
                    "publicKey");
        }

        @Test
        void aPrivateKeySentByMistakeIsNeitherStoredNorEchoed() throws Exception {
            KeyPair pair = pair("RSA", 2048);
            String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());

            Response answer = upload(Map.of("publicKey", privatePem));

            assertRefused(answer, "publicKey");
            assertThat(answer.json().get("error_description").asText()).contains("private key");
            String secret = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()).substring(20, 80);
            assertThat(answer.body()).doesNotContain(secret);
            assertThat(server.log().orElse("")).doesNotContain(secret);
        }

        @Test
        void aJwkWithItsPrivatePart() throws Exception {
            ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();

            assertRefused(upload(Map.of("jwk", jwk.toJSONObject())), "jwk");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not a key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                "-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\n"})
        void malformedPem(String text) {
            assertRefused(upload(Map.of("publicKey", text)), "publicKey");
        }

        @Test
        void malformedJwk() {
            assertRefused(upload(Map.of("jwk", Map.of("kty", "RSA", "n", "AQAB"))), "jwk");
            assertRefused(upload(Map.of("jwk", "a string")), "jwk");
        }

        @Test
        void anAlgorithmThatDoesNotFitTheKey() throws Exception {
            assertRefused(upload(Map.of("publicKey", pem("PUBLIC KEY", pair("RSA", 2048).getPublic().getEncoded()),
                    "algorithm", "ES256")), "publicKey");
        }

        @Test
        void unknownAlgorithmsAndBadExpiries() {
            assertRefused(upload(Map.of("algorithm", "HS256")), "algorithm");
            assertRefused(upload(Map.of("algorithm", "none")), "algorithm");
            assertRefused(upload(Map.of("expiresAt", "tomorrow")), "expiresAt");
            assertRefused(upload(Map.of("expiresAt", "2020-01-01T00:00:00Z")), "expiresAt");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Limit {

        @Test
        void theEleventhKeyIsRefusedWhateverTheStateOfTheOthers() {
            JsonNode account = newAccount();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(api.post(keys(account), api.adminToken(), Map.of("algorithm", "ES256")).json().get("id").asText());
            }
            api.put(keys(account) + "/" + ids.get(0), api.adminToken(), Map.of("enabled", false));

            Response eleventh = api.post(keys(account), api.adminToken(), Map.of("algorithm", "ES256"));

            assertThat(eleventh.status()).isEqualTo(409);
            assertThat(eleventh.json().get("error").asText()).isEqualTo("key_limit_reached");
            api.delete(keys(account) + "/" + ids.get(1), api.adminToken());
            assertThat(api.post(keys(account), api.adminToken(), Map.of("algorithm", "ES256")).status()).isEqualTo(201);
        }

        @Test
        void thirtyConcurrentCreationsMakeExactlyTen() throws Exception {
            JsonNode account = newAccount();
            String token = api.adminToken();
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(() -> api.post(keys(account), token, Map.of("algorithm", "ES256")));
            }

            List<Integer> statuses = Concurrently.statuses(calls);

            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(10);
            assertThat(statuses.stream().filter(status -> status == 409)).hasSize(20);
            assertThat(api.get(keys(account), api.adminToken()).json()).hasSize(10);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Lifecycle {

        @Test
        void aDisabledKeyAuthenticatesNothingUntilEnabledAgain() {
            JsonNode account = newAccount();
            ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().generateKey(account.get("id").asText(), "ES256"));
            String key = keys(account) + "/" + client.keyId();

            Response disabled = api.put(key, s.token(s.developer()), Map.of("enabled", false));

            assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
            assertThat(client.tokenRequest().status()).isEqualTo(401);
            api.put(key, s.token(s.developer()), Map.of("enabled", true));
            assertThat(client.tokenRequest().status()).isEqualTo(200);
            assertThat(s.realm().adminEvent("UPDATE", "iam/service-accounts/" + account.get("id").asText() + "/keys/"
                    + client.keyId())).isNotNull();
        }

        @Test
        void aDeletedKeyIsGoneAndAuthenticatesNothing() {
            JsonNode account = newAccount();
            ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().generateKey(account.get("id").asText(), "RS256"));
            String key = keys(account) + "/" + client.keyId();

            assertThat(api.delete(key, s.token(s.developer())).status()).isEqualTo(204);

            assertThat(api.get(key, api.adminToken()).status()).isEqualTo(404);
            assertThat(client.tokenRequest().status()).isEqualTo(401);
            DatabaseRows.count(server, "iam_service_account_key", "id", client.keyId())
                    .ifPresent(rows -> assertThat(rows).isZero());
        }

        @Test
        void anExpiredKeyAuthenticatesNothing() throws InterruptedException {
            JsonNode account = newAccount();
            JsonNode created = api.post(keys(account), api.adminToken(), Map.of("algorithm", "ES256",
                    "expiresAt", Instant.now().plusSeconds(2).toString())).json();
            ServiceAccountClient client = ServiceAccountClient.of(api, created.get("keyFile"));
            assertThat(client.tokenRequest().status()).isEqualTo(200);

            Thread.sleep(2500);

            assertThat(client.tokenRequest().status()).isEqualTo(401);
        }

        /** A key is reached only under its own account: another account's id in the path finds nothing. */
        @Test
        void aKeyUnderAnotherAccountsPathIsNotFoundAndStaysAsItWas() {
            JsonNode mine = newAccount();
            JsonNode theirs = s.realm().createServiceAccount(s.portal(), "keys-theirs-" + ++accounts);
            ServiceAccountClient their = ServiceAccountClient.of(api,
                    s.realm().generateKey(theirs.get("id").asText(), "ES256"));
            String crossed = keys(mine) + "/" + their.keyId();

            for (String token : List.of(s.token(s.developer()), api.adminToken())) {
                assertThat(api.get(crossed, token).status()).isEqualTo(404);
                assertThat(api.put(crossed, token, Map.of("enabled", false)).status()).isEqualTo(404);
                assertThat(api.delete(crossed, token).status()).isEqualTo(404);
            }
            JsonNode key = api.get(keys(theirs) + "/" + their.keyId(), api.adminToken()).json();
            assertThat(key.get("enabled").asBoolean()).isTrue();
            assertThat(their.tokenRequest().status()).isEqualTo(200);
        }

        @Test
        void lastUseIsRecordedAtMostOnceAMinute() {
            JsonNode account = newAccount();
            ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().generateKey(account.get("id").asText(), "ES256"));
            String key = keys(account) + "/" + client.keyId();

            client.token();
            String first = LastUse.written(() -> api.get(key, api.adminToken()).json()).get("lastUsedAt").asText();
            client.token();

            assertThat(Instant.parse(first)).isBefore(Instant.now().plusSeconds(1));
            Awaitility.await("the second use within the minute, never written").during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(7)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get(key, api.adminToken()).json().get("lastUsedAt").asText(), first::equals);
        }

        @Test
        void deletingTheAccountDeletesItsKeys() {
            JsonNode account = newAccount();
            ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().generateKey(account.get("id").asText(), "RS256"));

            api.delete(s.iam("/service-accounts/" + account.get("id").asText()), api.adminToken());

            assertThat(api.get(keys(account), api.adminToken()).status()).isEqualTo(404);
            assertThat(client.tokenRequest().status()).isEqualTo(401);
            String id = account.get("id").asText();
            DatabaseRows.count(server, "iam_service_account_key", "client_id", id)
                    .ifPresent(rows -> assertThat(rows).isZero());
            DatabaseRows.count(server, "iam_service_account", "client_id", id)
                    .ifPresent(rows -> assertThat(rows).isZero());
        }
    }

    /** Base64url of an unsigned big-endian integer, as JWK writes {@code n} and {@code e}. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
