package io.github.serviceaccounts.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.Invalid;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jwk.JWKParser;
import org.keycloak.util.JsonSerialization;

/**
 * Reads public keys made elsewhere: PEM SubjectPublicKeyInfo, PEM X.509 certificate, or JWK. Anything that holds
 * private key material is refused without being kept or echoed back.
 */
public final class PublicKeys {

    /** JWK members that only private keys (or secret keys) have. */
    private static final Set<String> PRIVATE_JWK_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final int MAX_TEXT = 16 * 1024;

    /** A public key read from the request, with the end of its certificate's validity where it came in one. */
    public record Uploaded(PublicKey key, Instant certificateNotAfter) {
    }

    private PublicKeys() {
    }

    public static Uploaded fromPem(String field, String pem) {
        if (pem.length() > MAX_TEXT) {
            throw new Invalid(field, "is too long to be a public key");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw privateKey(field);
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new Invalid(field, "is not a PEM public key or certificate");
        }
        try {
            if (parsed instanceof SubjectPublicKeyInfo info) {
                RsaParameters.check(field, info);
                return new Uploaded(new JcaPEMKeyConverter().getPublicKey(info), null);
            }
            if (parsed instanceof X509CertificateHolder certificate) {
                RsaParameters.check(field, certificate.getSubjectPublicKeyInfo());
                PublicKey key = new JcaPEMKeyConverter().getPublicKey(certificate.getSubjectPublicKeyInfo());
                return new Uploaded(key, certificate.getNotAfter().toInstant());
            }
        } catch (Invalid e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Invalid(field, "holds a public key that cannot be read");
        }
        throw new Invalid(field, "must be a PEM SubjectPublicKeyInfo (BEGIN PUBLIC KEY) or X.509 certificate");
    }

    public static Uploaded fromJwk(String field, JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new Invalid(field, "must be a JSON Web Key object");
        }
        for (String member : PRIVATE_JWK_MEMBERS) {
            if (jwk.has(member)) {
                throw privateKey(field);
            }
        }
        if ("RSA".equals(jwk.path("kty").asText())) {
            RsaParameters.check(field, jwk.path("n").textValue(), jwk.path("e").textValue());
        }
        try {
            JWK parsed = JsonSerialization.mapper.treeToValue(jwk, JWK.class);
            return new Uploaded(JWKParser.create(parsed).toPublicKey(), null);
        } catch (IOException | RuntimeException e) {
            throw new Invalid(field, "is not a JSON Web Key of a supported kind (RSA, EC P-256, OKP Ed25519)");
        }
    }

    private static Invalid privateKey(String field) {
        return new Invalid(field, "holds a private key; send only the public key (the private key was not stored)");
    }
}
