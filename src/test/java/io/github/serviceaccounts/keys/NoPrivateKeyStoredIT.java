package io.github.serviceaccounts.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.KeyMaterial;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.KeycloakServer;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.TestRealm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Generated private keys leave the server once, in the answer, and are kept nowhere: not in the database, not in the log. */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoPrivateKeyStoredIT {

    private final List<byte[]> privateKeys = new ArrayList<>();
    private final List<String> publicKeys = new ArrayList<>();
    private KeycloakServer server;
    private TestRealm realm;

    @BeforeAll
    void generateKeysOfEveryAlgorithm(Api api, KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(api);
        String project = realm.createProject(realm.createOrganization("Secrets").get("id").asText(), "Vault")
                .get("id").asText();
        String account = realm.createServiceAccount(project, "holder").get("id").asText();
        for (String algorithm : List.of("RS256", "PS256", "ES256", "EdDSA")) {
            JsonNode file = realm.generateKey(account, algorithm);
            privateKeys.add(KeyMaterial.privateKey(file).getEncoded());
        }
        api.get(realm.iam("/service-accounts/" + account + "/keys"), api.adminToken()).json()
                .forEach(key -> publicKeys.add(key.get("fingerprint").asText()));
    }

    @Test
    void theServerLogHoldsNoPrivateKeyMaterial() {
        String log = server.log().orElseThrow();

        assertThat(log).doesNotContain("PRIVATE KEY");
        for (byte[] key : privateKeys) {
            assertThat(log).doesNotContain(middleOf(Base64.getEncoder().encodeToString(key)));
        }
    }

    @Test
    void theAdminEventsHoldNoPrivateKeyMaterial() {
        String events = realm.adminEvents("iam/*").toString();

        assertThat(events).contains(publicKeys.get(0));
        assertThat(events).doesNotContain("PRIVATE KEY").doesNotContain("privateKey");
        for (byte[] key : privateKeys) {
            assertThat(events).doesNotContain(middleOf(Base64.getEncoder().encodeToString(key)));
        }
    }

    @Test
    void theDatabaseHoldsNoPrivateKeyMaterial() throws Exception {
        assumeTrue(server instanceof DistributionServer, "the database is reachable only on the distribution runtime");
        DistributionServer distribution = (DistributionServer) server;
        String stored = distribution.database().isPostgres() ? keyTable(distribution.database().name())
                : h2FileOnceWritten(distribution);

        assertThat(stored).doesNotContain("PRIVATE KEY");
        for (byte[] key : privateKeys) {
            assertThat(stored).doesNotContain(middleOf(Base64.getEncoder().encodeToString(key)));
            assertThat(stored).doesNotContain(new String(slice(key), StandardCharsets.ISO_8859_1));
        }
    }

    /** Every column of every row of the key table and of the admin and login events, as text. */
    private String keyTable(String database) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = Postgres.connect(database); Statement statement = connection.createStatement()) {
            for (String table : List.of("iam_service_account_key", "admin_event_entity", "event_entity")) {
                try (ResultSet result = statement.executeQuery("select * from " + table)) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            rows.append(result.getString(i)).append('|');
                        }
                    }
                }
            }
        }
        assertThat(rows.toString()).contains(publicKeys.get(0));
        return rows.toString();
    }

    /** The whole H2 file, once it holds the new keys' fingerprints (H2 writes about a second after a commit). */
    private String h2FileOnceWritten(DistributionServer distribution) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            String file = new String(Files.readAllBytes(distribution.h2File()), StandardCharsets.ISO_8859_1);
            if (publicKeys.stream().allMatch(file::contains)) {
                return file;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The keys never reached the H2 file");
    }

    /** A stretch of the encoding's end, which is secret material whatever the algorithm's fixed header. */
    private static String middleOf(String base64) {
        return base64.substring(base64.length() - 40, base64.length() - 4);
    }

    private static byte[] slice(byte[] der) {
        byte[] slice = new byte[24];
        System.arraycopy(der, der.length - 30, slice, 0, slice.length);
        return slice;
    }
}
