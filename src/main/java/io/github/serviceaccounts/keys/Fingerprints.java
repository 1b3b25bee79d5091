package io.github.serviceaccounts.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/** SHA-256 fingerprints of public keys, over their DER SubjectPublicKeyInfo, as lower-case hex. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
