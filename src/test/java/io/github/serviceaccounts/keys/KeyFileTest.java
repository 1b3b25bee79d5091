package io.github.serviceaccounts.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyFileTest {

    private final KeyPair pair = KeyAlgorithm.ES256.generate();
    private final KeyFile file = KeyFile.of("demo", "sa-job-abc123", "key-1", KeyAlgorithm.ES256, pair.getPrivate(),
            "http://localhost:8080/realms/demo/protocol/openid-connect/token");

    @Test
    void holdsThePrivateKeyAsPkcs8Pem() {
        String body = file.privateKey().replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");

        assertThat(file.type()).isEqualTo("service_account_key");
        assertThat(file.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Base64.getDecoder().decode(body)).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void csvHasAHeaderAndOneRowWithTheKeyOnOneLine() {
        String[] lines = file.csv().split("\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("type,realm,clientId,keyId,algorithm,privateKey,tokenUri");
        String[] row = lines[1].split(",");
        assertThat(row).containsExactly("service_account_key", "demo", "sa-job-abc123", "key-1", "ES256",
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                "http://localhost:8080/realms/demo/protocol/openid-connect/token");
    }
}
