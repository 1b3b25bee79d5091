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

    /** A small exponent breaks RSA (with e = 1 a "signature" is its own message): only 65537 is taken. */
    @ParameterizedTest(name = "RSA with exponent {0}: {1}")
    @CsvSource({"3, false", "17, false", "65537, true", "65539, false"})
    void acceptsOnlyTheExponent65537(int exponent, boolean accepted) throws Exception {
        java.math.BigInteger modulus = ((java.security.interfaces.RSAPublicKey) key("RSA", "2048")).getModulus();
        PublicKey rsa = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(modulus, java.math.BigInteger.valueOf(exponent)));

        assertThat(KeyAlgorithm.RS256.accepts(rsa)).isEqualTo(accepted);
        assertThat(KeyAlgorithm.PS256.accepts(rsa)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "RSA of {0} bits: {1}")
    @CsvSource({"8192, true", "8200, false"})
    void acceptsRsaModuliUpTo8192Bits(int bits, boolean accepted) throws Exception {
        // Only the size is read here, so any odd number of exactly that many bits will do.
        java.math.BigInteger modulus = new java.math.BigInteger(bits, new java.security.SecureRandom())
                .setBit(bits - 1).setBit(0);
        PublicKey rsa = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(modulus, java.math.BigInteger.valueOf(65537)));

        assertThat(KeyAlgorithm.RS256.accepts(rsa)).isEqualTo(accepted);
    }
}
