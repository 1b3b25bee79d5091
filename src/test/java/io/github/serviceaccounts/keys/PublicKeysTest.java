package io.github.serviceaccounts.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.serviceaccounts.Invalid;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.crypto.CryptoIntegration;

class PublicKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void initKeycloakCrypto() {
        CryptoIntegration.init(PublicKeysTest.class.getClassLoader());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @Nested
    class Pem {

        @Test
        void readsASubjectPublicKeyInfo() throws Exception {
            KeyPair pair = ec();

            PublicKeys.Uploaded uploaded = PublicKeys.fromPem("publicKey", pem("PUBLIC KEY", pair.getPublic().getEncoded()));

            assertThat(uploaded.key().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
            assertThat(uploaded.certificateNotAfter()).isNull();
        }

        @Test
        void readsTheKeyAndValidityOfACertificate() throws Exception {
            KeyPair pair = ec();
            Instant notAfter = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            byte[] certificate = new JcaX509v3CertificateBuilder(new X500Name("CN=x"), BigInteger.TEN, new Date(),
                    Date.from(notAfter), new X500Name("CN=x"), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();

            PublicKeys.Uploaded uploaded = PublicKeys.fromPem("publicKey", pem("CERTIFICATE", certificate));

            assertThat(uploaded.key().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
            assertThat(uploaded.certificateNotAfter()).isEqualTo(notAfter);
        }

        @Test
        void refusesPrivateKeysOfEveryKindWithoutEchoingThem() throws Exception {
            KeyPair pair = ec();
            for (String type : new String[] {"PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY"}) {
                String text = pem(type, pair.getPrivate().getEncoded());
                assertThatThrownBy(() -> PublicKeys.fromPem("publicKey", text))
                        .isInstanceOf(Invalid.class)
                        .satisfies(e -> assertThat(((Invalid) e).getErrorDescription())
                                .startsWith("publicKey: holds a private key")
                                .doesNotContain(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                                        .substring(10, 40)));
            }
        }

        @Test
        void refusesWhatIsNotAPublicKey() {
            assertThatThrownBy(() -> PublicKeys.fromPem("publicKey", "hello")).isInstanceOf(Invalid.class);
            assertThatThrownBy(() -> PublicKeys.fromPem("publicKey", pem("PUBLIC KEY", new byte[] {1, 2, 3})))
                    .isInstanceOf(Invalid.class);
            assertThatThrownBy(() -> PublicKeys.fromPem("publicKey", "x".repeat(20_000))).isInstanceOf(Invalid.class);
        }
    }

    @Nested
    class Jwk {

        @Test
        void readsAnEcJwk() throws Exception {
            ECPublicKey key = (ECPublicKey) ec().getPublic();
            Map<String, String> jwk = Map.of("kty", "EC", "crv", "P-256",
                    "x", coordinate(key.getW().getAffineX()), "y", coordinate(key.getW().getAffineY()));

            PublicKeys.Uploaded uploaded = PublicKeys.fromJwk("jwk", JSON.valueToTree(jwk));

            assertThat(KeyAlgorithm.ES256.accepts(uploaded.key())).isTrue();
            assertThat(uploaded.key().getEncoded()).isEqualTo(key.getEncoded());
        }

        @Test
        void refusesAJwkWithPrivateMembers() {
            for (String member : new String[] {"d", "p", "k"}) {
                assertThatThrownBy(() -> PublicKeys.fromJwk("jwk", JSON.valueToTree(Map.of("kty", "RSA", member, "AQAB"))))
                        .isInstanceOf(Invalid.class)
                        .hasMessageContaining("");
            }
        }

        @Test
        void refusesWhatIsNotAJwk() {
            assertThatThrownBy(() -> PublicKeys.fromJwk("jwk", JSON.valueToTree("text"))).isInstanceOf(Invalid.class);
            assertThatThrownBy(() -> PublicKeys.fromJwk("jwk", JSON.valueToTree(Map.of("kty", "XYZ"))))
                    .isInstanceOf(Invalid.class);
        }

        private static String coordinate(BigInteger value) {
            byte[] bytes = value.toByteArray();
            byte[] fixed = new byte[32];
            int copy = Math.min(bytes.length, 32);
            System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
        }
    }
}
