package io.github.serviceaccounts.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Whether a private key is the other half of a stored public key: it signs a fresh random challenge that the stored
 * key verifies. Works the same for RSA, P-256 and Ed25519, and never keeps the private key.
 */
public final class PossessionProof {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PEM_LENGTH = 16 * 1024;

    private PossessionProof() {
    }

    /** True only if the PEM (PKCS#8 {@code PRIVATE KEY}) is the private half of the key; false for anything else. */
    public static boolean proves(String privateKeyPem, ServiceAccountKey key) {
        if (privateKeyPem == null || privateKeyPem.length() > MAX_PEM_LENGTH) {
            return false;
        }
        try {
            PublicKey publicKey = key.publicKey();
            String family = publicKey.getAlgorithm();
            PrivateKey privateKey = KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyPem)));
            String jca = switch (family) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> "Ed25519";
            };
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(jca);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException notThatKey) {
            return false;
        }
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
