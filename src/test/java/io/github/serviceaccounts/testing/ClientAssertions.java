package io.github.serviceaccounts.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds client assertions (RFC 7523) by hand, so tests can also build wrong ones: any header, any claims, any key.
 * Signing uses the JDK only; nothing here comes from the project.
 */
public final class ClientAssertions {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private ClientAssertions() {
    }

    /** The claims a correct assertion carries: iss = sub = client id, aud, a fresh jti, iat now and exp in 60 s. */
    public static Map<String, Object> claims(String clientId, String audience) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", audience);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now + 60);
        return claims;
    }

    public static Map<String, Object> header(String algorithm, String keyId) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm);
        header.put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        return header;
    }

    /** Signs header and claims with the key, by the algorithm the key is for (not the one the header names). */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key, String algorithm) {
        String input = encode(header) + "." + encode(claims);
        return input + "." + URL.encodeToString(signature(input.getBytes(StandardCharsets.US_ASCII), key, algorithm));
    }

    public static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    public static String encode(Map<String, Object> json) {
        return URL.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] signature(byte[] input, PrivateKey key, String algorithm) {
        try {
            switch (algorithm) {
                case "RS256" -> {
                    return sign("SHA256withRSA", key, input);
                }
                case "PS256" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    pss.initSign(key);
                    pss.update(input);
                    return pss.sign();
                }
                case "ES256" -> {
                    return ECDSA.transcodeSignatureToConcat(sign("SHA256withECDSA", key, input),
                            ECDSA.getSignatureByteArrayLength(JWSAlgorithm.ES256));
                }
                case "EdDSA" -> {
                    return sign("Ed25519", key, input);
                }
                default -> throw new IllegalArgumentException(algorithm);
            }
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(String jca, PrivateKey key, byte[] input) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jca);
        signature.initSign(key);
        signature.update(input);
        return signature.sign();
    }
}
