package io.github.serviceaccounts.keys;

import java.security.PrivateKey;
import java.util.Base64;

/**
 * The key file a client needs to get tokens (SPEC §4), handed out once when a key pair is generated. Nothing keeps a
 * copy: it exists only in the answer.
 */
public record KeyFile(String type, String realm, String clientId, String keyId, String algorithm,
        String privateKey, String tokenUri) {

    public static final String TYPE = "service_account_key";
    private static final String CSV_HEADER = "type,realm,clientId,keyId,algorithm,privateKey,tokenUri";

    public static KeyFile of(String realm, String clientId, String keyId, KeyAlgorithm algorithm, PrivateKey key,
            String tokenUri) {
        return new KeyFile(TYPE, realm, clientId, keyId, algorithm.jwsName(), pem(key), tokenUri);
    }

    /** PKCS#8, PEM-armoured, 64 characters a line. */
    static String pem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** A header line and one row; the private key as base64 PKCS#8 DER on one line. */
    public String csv() {
        String der = privateKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return CSV_HEADER + "\n" + String.join(",", csvField(type), csvField(realm), csvField(clientId),
                csvField(keyId), csvField(algorithm), der, csvField(tokenUri)) + "\n";
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
