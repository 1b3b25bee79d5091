package io.github.serviceaccounts.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.LastUse;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestIssuer;
import io.github.serviceaccounts.testing.TestRealm;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A steady stream of tokens makes no database query of the extension's: an account's keys and federated credentials
 * come from the node's memory while Keycloak's cached client carries the same credentials mark, and their
 * {@code lastUsedAt} is written behind, by the node's writer thread rather than by a request. Counted in the SQL
 * Hibernate logs (on a server of its own, with {@code org.hibernate.SQL} at debug; each line names its thread).
 */
class TokenPathQueriesIT {

    /** The extension's tables, wherever Hibernate's SQL log names them (its statements span several lines). */
    private static final Pattern EXTENSION_SQL = Pattern.compile(
            "(?i)\\biam_(service_account_key|federated_credential|service_account)\\b");
    /** A logged update of a key or credential, with the thread that ran it: "(thread) update IAM_…". */
    private static final Pattern EXTENSION_UPDATE = Pattern.compile(
            "(?i)\\(([^()\\s]+)\\)\\s+update\\s+(iam_service_account_key|iam_federated_credential)\\b");

    @Test
    void aSteadyStreamOfTokensMakesNoQueryOfTheExtensions() {
        ItSettings settings = ItSettings.fromSystemProperties();
        Database database = settings.database().equals("postgres") ? Postgres.freshDatabase("kcsa_queries")
                : Database.devFile();
        try (TestIssuer cluster = TestIssuer.start(); DistributionServer server = DistributionServer.install(settings,
                DistributionServer.Options.defaults("queries", database)
                        .withStartArgs(List.of("--log-level=INFO,org.hibernate.SQL:debug"))).start()) {
            Api api = new Api(server.baseUrl());
            TestRealm realm = TestRealm.create(api);
            String project = realm.createProject(realm.createOrganization("Quiet").get("id").asText(), "Tokens")
                    .get("id").asText();
            TestAccount account = TestAccount.create(realm, project, "steady")
                    .memberOf("/projects/" + project, "project.developer");
            ServiceAccountClient client = account.client("ES256");
            Federation.trustOpenIdIssuer(realm, cluster.url(), cluster.jwksUrl());
            api.post(account.path("/federated-credentials"), api.adminToken(), Map.of("name", "pod",
                    "issuer", cluster.url(), "subject", "system:serviceaccount:ci:*"));
            String podToken = cluster.sign(cluster.podClaims("ci", "deployer", Federation.issuerOf(realm)));
            int beforeWarmUp = server.log().orElseThrow().length();
            for (int i = 0; i < 3; i++) {
                assertThat(client.tokenRequest().status()).isEqualTo(200);
                assertThat(Federation.exchange(realm, account.clientId(), podToken).status()).isEqualTo(200);
            }
            LastUse.written(() -> api.get(account.path("/keys/" + client.keyId()), api.adminToken()).json());
            LastUse.written(() -> api.get(account.path("/federated-credentials"), api.adminToken()).json().get(0));
            String warm = server.log().orElseThrow();
            assertThat(EXTENSION_SQL.matcher(warm.substring(beforeWarmUp)).results().count())
                    .as("the SQL log shows the extension's queries of the first tokens").isPositive();
            assertThat(EXTENSION_UPDATE.matcher(warm.substring(beforeWarmUp)).results()
                    .map(update -> update.group(1) + " " + update.group(2).toLowerCase()).toList())
                    .as("the uses written, each once, by the writer thread")
                    .containsExactlyInAnyOrder("iam-last-use-writer iam_service_account_key",
                            "iam-last-use-writer iam_federated_credential");

            for (int i = 0; i < 20; i++) {
                assertThat(client.tokenRequest().status()).isEqualTo(200);
                assertThat(Federation.exchange(realm, account.clientId(), podToken).status()).isEqualTo(200);
            }
            String steady = server.log().orElseThrow().substring(warm.length());

            assertThat(EXTENSION_SQL.matcher(steady).results().map(r -> r.group()).toList())
                    .as("queries of the extension during 40 steady token requests").isEmpty();

            api.put(account.path("/keys/" + client.keyId()), api.adminToken(), Map.of("enabled", false));
            assertThat(client.tokenRequest().status()).as("the disabled key, on the very next request").isEqualTo(401);
        }
    }
}
