package io.github.serviceaccounts.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KeyAlgorithmTest {

    private static PublicKey key(String family, String parameter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(family);
        switch (family) {
            case "RSA" -> generator.initialize(Integer.parseInt(parameter));
            case "EC" -> generator.initialize(new ECGenParameterSpec(parameter));
            default -> { }
        }
        return generator.generateKeyPair().getPublic();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void generatesKeysItAccepts(KeyAlgorithm algorithm) {
        assertThat(algorithm.accepts(algorithm.generate().getPublic())).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} for {2}: {3}")
    @CsvSource({
        "RSA,     2048,      RS256, true",
        "RSA,     4096,      PS256, true",
        "RSA,     1024,      RS256, false",
        "RSA,     2047,      PS256, false",
        "EC,      secp256r1, ES256, true",
        "EC,      secp384r1, ES256, false",
        "EC,      secp521r1, ES256, false",
        "Ed25519, -,         EdDSA, true",
        "Ed448,   -,         EdDSA, false",
        "EC,      secp256r1, RS256, false",
        "RSA,     2048,      ES256, false",
    })
    void acceptsOnlyStrongKeysOfItsKind(String family, String parameter, KeyAlgorithm algorithm, boolean accepted)
            throws Exception {
        assertThat(algorithm.accepts(key(family, parameter))).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({"RSA, 2048, RS256", "EC, secp256r1, ES256", "Ed25519, -, EdDSA"})
    void choosesTheUsualAlgorithmOfAKey(String family, String parameter, KeyAlgorithm expected) throws Exception {
        assertThat(KeyAlgorithm.defaultFor(key(family, parameter))).contains(expected);
    }
}
