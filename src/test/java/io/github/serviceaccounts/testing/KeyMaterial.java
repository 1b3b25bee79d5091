package io.github.serviceaccounts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads private keys out of key files the way a client of the extension would, with the JDK only. */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /** The private key of a JSON key file ({@code privateKey} is PKCS#8 PEM). */
    public static PrivateKey privateKey(JsonNode keyFile) {
        String pem = keyFile.get("privateKey").asText();
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return fromPkcs8(Base64.getDecoder().decode(base64), keyFile.get("algorithm").asText());
    }

    public static PrivateKey fromPkcs8(byte[] der, String algorithm) {
        String family = switch (algorithm) {
            case "RS256", "PS256" -> "RSA";
            case "ES256" -> "EC";
            case "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException(algorithm);
        };
        try {
            return KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
