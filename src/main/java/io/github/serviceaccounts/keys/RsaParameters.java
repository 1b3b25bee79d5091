package io.github.serviceaccounts.keys;

import io.github.serviceaccounts.Invalid;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Checks an uploaded RSA key's modulus and exponent as they were sent, before the JDK reads the key: the JDK refuses
 * some weak exponents with a message of its own, others it takes, and a huge modulus costs to read. Every refusal
 * says what an RSA key must be.
 */
final class RsaParameters {

    private RsaParameters() {
    }

    /** For a SubjectPublicKeyInfo of any kind: checks it where it is an RSA key. */
    static void check(String field, SubjectPublicKeyInfo info) {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getAlgorithm().getAlgorithm())) {
            return;
        }
        try {
            RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
            check(field, rsa.getModulus(), rsa.getPublicExponent());
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(field, "holds an RSA key that cannot be read");
        }
    }

    /** For a JWK's base64url {@code n} and {@code e}. */
    static void check(String field, String n, String e) {
        if (n == null || e == null) {
            throw new Invalid(field, "must hold the RSA key's n and e");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            check(field, new BigInteger(1, decoder.decode(n)), new BigInteger(1, decoder.decode(e)));
        } catch (IllegalArgumentException malformed) {
            throw new Invalid(field, "holds n or e that is not base64url");
        }
    }

    private static void check(String field, BigInteger modulus, BigInteger exponent) {
        int bits = modulus.bitLength();
        if (bits < KeyAlgorithm.RSA_BITS || bits > KeyAlgorithm.RSA_MAX_BITS
                || !KeyAlgorithm.RSA_EXPONENT.equals(exponent)) {
            throw new Invalid(field, "must be " + KeyAlgorithm.RS256.requirement() + " (this one has " + bits
                    + " bits and the exponent " + (exponent.bitLength() > 32 ? "of " + exponent.bitLength() + " bits"
                    : exponent.toString()) + ")");
        }
    }
}
