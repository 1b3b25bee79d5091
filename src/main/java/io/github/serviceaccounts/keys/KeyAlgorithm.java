package io.github.serviceaccounts.keys;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/** The JWS algorithms a service-account key may sign with, and the key pairs behind them. */
public enum KeyAlgorithm {
    RS256("RSA", null),
    PS256("RSA", null),
    ES256("EC", "P-256"),
    EdDSA("EdDSA", "Ed25519");

    /** Generated RSA keys have 2048 bits; uploaded ones need at least that. */
    public static final int RSA_BITS = 2048;
    /** Larger moduli cost much to parse and verify, and nobody needs them. */
    public static final int RSA_MAX_BITS = 8192;
    /**
     * The one public exponent accepted. A tiny exponent breaks RSA outright (with e = 1 a "signature" is its own
     * message), and every common tool uses 65537.
     */
    public static final BigInteger RSA_EXPONENT = BigInteger.valueOf(65537);
    /** P-256 (secp256r1), the only curve ES256 may use. */
    private static final ECParameterSpec P256 = p256();

    private final String family;
    private final String curve;

    KeyAlgorithm(String family, String curve) {
        this.family = family;
        this.curve = curve;
    }

    /** The name in a JWS header's {@code alg}, e.g. {@code ES256}. */
    public String jwsName() {
        return name();
    }

    /** The curve for EC and EdDSA keys ({@code P-256}, {@code Ed25519}), null for RSA. */
    public String curve() {
        return curve;
    }

    public static Optional<KeyAlgorithm> fromJwsName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    /** The algorithm a public key of this kind signs with unless told otherwise: RS256, ES256 or EdDSA. */
    public static Optional<KeyAlgorithm> defaultFor(PublicKey key) {
        return Arrays.stream(new KeyAlgorithm[] {RS256, ES256, EdDSA}).filter(a -> a.accepts(key)).findFirst();
    }

    /**
     * Whether the key is of this algorithm's kind and sound: RSA of 2048 to 8192 bits with exponent 65537, an EC key
     * on P-256, or Ed25519.
     */
    public boolean accepts(PublicKey key) {
        return switch (family) {
            case "RSA" -> key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= RSA_BITS
                    && rsa.getModulus().bitLength() <= RSA_MAX_BITS && RSA_EXPONENT.equals(rsa.getPublicExponent());
            case "EC" -> key instanceof ECPublicKey ec && ec.getParams().getCurve().equals(P256.getCurve())
                    && ec.getParams().getGenerator().equals(P256.getGenerator());
            default -> key instanceof EdECPublicKey ed && ed.getParams().getName().equalsIgnoreCase(curve);
        };
    }

    /** What {@link #accepts} asks of a key, in words for error messages. */
    public String requirement() {
        return switch (family) {
            case "RSA" -> "an RSA key of " + RSA_BITS + " to " + RSA_MAX_BITS + " bits with the public exponent 65537";
            case "EC" -> "an EC key on the P-256 curve";
            default -> "an Ed25519 key";
        };
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM does not know P-256", e);
        }
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(family.equals("EdDSA") ? "Ed25519" : family);
            switch (family) {
                case "RSA" -> generator.initialize(RSA_BITS);
                case "EC" -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                default -> generator.initialize(NamedParameterSpec.ED25519);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate " + this + " keys", e);
        }
    }
}
