package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Readme;
import io.github.serviceaccounts.testing.Readme.Bash;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestIssuer;
import io.github.serviceaccounts.testing.TestRealm;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell examples, run as a reader runs them (bash, curl, jq, openssl) against the demo realm of the server
 * under test: the step-by-step script can run again, says what it made and stops at the first error; its key file
 * gets a token with the openssl example; the CSV one-liner turns a CSV key file into the PEM of that very key.
 */
@KeycloakIntegrationTest
class ReadmeIT {

    private static final String WEBSITE = "0a0c0e00-0000-4000-8000-000000000002";
    private static final String PRODUCTION = "0a0c0e00-0000-4000-8000-000000000005";
    private static final Pattern KEY_FILE = Pattern.compile("its key file is (\\S+)");

    @Test
    void theStepByStepAndTheOpensslExampleGetATokenWithTheNewRole(Api api, @TempDir Path directory) throws Exception {
        String openssl = Readme.bashBlockAfter("<!-- token-with-openssl -->");

        Bash run = Bash.run("set -euo pipefail\n" + steps(api) + "\n" + openssl, directory);

        assertThat(run.exitCode()).as(run.output()).isZero();
        String answer = run.output();
        JsonNode token = Json.parse(answer.substring(answer.lastIndexOf("{\"access_token\"")));
        JsonNode claims = Json.claims(token.get("access_token").asText());
        assertThat(claims.at("/projects/" + WEBSITE).asText()).isEqualTo("project.user");
    }

    /** The environments example: the demo deployer's key file gets a token with production and no project. */
    @Test
    void theDeployerGetsATokenForProductionOnly(Api api, @TempDir Path directory) throws Exception {
        String deployer = Readme.bashBlockAfter("<!-- deployer-token -->");
        String openssl = Readme.bashBlockAfter("<!-- token-with-openssl -->");

        Bash run = Bash.run("set -euo pipefail\n" + steps(api) + "\n" + deployer + "\n" + openssl, directory);

        assertThat(run.exitCode()).as(run.output()).isZero();
        String answer = run.output();
        assertThat(answer).contains("production " + PRODUCTION).contains("\"environments\":[{");
        JsonNode claims = Json.claims(Json.parse(answer.substring(answer.lastIndexOf("{\"access_token\"")))
                .get("access_token").asText());
        assertThat(claims.get("environments")).isEqualTo(Json.parse("{\"" + PRODUCTION + "\":\"environment.admin\"}"));
        assertThat(claims.get("projects").size()).isZero();
    }

    @Test
    void theStepsRunTwiceEachTimeWithANewAccountAndAKeyFile(Api api, @TempDir Path directory) throws Exception {
        String steps = steps(api);

        Bash first = Bash.run(steps, directory);
        Bash second = Bash.run(steps, directory);

        for (Bash run : new Bash[] {first, second}) {
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).containsPattern("created service account nightly-export-[0-9a-f]{8}, id \\S+, identifier sa-")
                    .contains("to Website as project.user");
            JsonNode keyFile = Json.parse(Files.readString(Path.of(keyFileOf(run))));
            assertThat(keyFile.get("privateKey").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
        }
        assertThat(keyFileOf(first)).isNotEqualTo(keyFileOf(second));
    }

    @Test
    void theStepsStopAtTheFirstErrorWithTheServersAnswer(Api api, @TempDir Path directory) throws Exception {
        String steps = steps(api).replace("WEBSITE=" + WEBSITE, "WEBSITE=0a0c0e00-0000-4000-8000-00000000dead");

        Bash run = Bash.run(steps, directory);

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("not_found").doesNotContain("created service account");
        try (var files = Files.list(directory)) {
            assertThat(files).as("no key file after a failed step").isEmpty();
        }
    }

    @Test
    void theCsvOneLinerMakesThePemOfTheKey(Api api, @TempDir Path directory) throws Exception {
        TestRealm realm = TestRealm.create(api);
        String organization = realm.createOrganization("Csv Org").get("id").asText();
        String project = realm.createProject(organization, "Csv Project").get("id").asText();
        String account = realm.createServiceAccount(project, "csv-export").get("id").asText();
        Response csv = api.send(api.request(realm.iam("/service-accounts/" + account + "/keys"), api.adminToken())
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("{\"algorithm\":\"RS256\"}")));
        assertThat(csv.status()).as("%s", csv).isEqualTo(201);
        Files.writeString(directory.resolve("key.csv"), csv.body());

        Bash oneLiner = Bash.run(Readme.bashBlockAfter("<!-- csv-key-to-pem -->"), directory);
        Bash fingerprint = Bash.run("openssl pkey -in key.pem -pubout -outform DER | openssl dgst -sha256 -r", directory);

        assertThat(oneLiner.exitCode()).as(oneLiner.output()).isZero();
        String fingerprintOfPem = fingerprint.output().trim().split(" ")[0];
        JsonNode key = api.get(realm.iam("/service-accounts/" + account + "/keys"), api.adminToken()).json().get(0);
        assertThat(fingerprintOfPem).isEqualTo(key.get("fingerprint").asText());
    }

    /** The Kubernetes example: a pod's token file, exchanged by the README's curl line, gives the account's token. */
    @Test
    void theKeylessExchangeTurnsAPodsTokenFileIntoTheAccountsToken(Api api, @TempDir Path directory) throws Exception {
        TestRealm realm = TestRealm.create(api);
        String project = realm.createProject(realm.createOrganization("Keyless").get("id").asText(), "Pods")
                .get("id").asText();
        TestAccount account = TestAccount.create(realm, project, "pod-deployer");
        try (TestIssuer cluster = TestIssuer.start()) {
            Federation.trustOpenIdIssuer(realm, cluster.url(), cluster.jwksUrl());
            Response created = api.post(account.path("/federated-credentials"), api.adminToken(), Map.of(
                    "name", "ci deployer", "issuer", cluster.url(), "subject", "system:serviceaccount:ci:deployer"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            Path tokenFile = directory.resolve("token");
            Files.writeString(tokenFile, cluster.sign(cluster.podClaims("ci", "deployer", Federation.issuerOf(realm))));
            String exchange = Readme.bashBlockAfter("<!-- keyless-exchange -->")
                    .replace("/var/run/secrets/keycloak/token", tokenFile.toString());

            Bash run = Bash.run("KC=" + api.baseUrl() + " REALM=" + realm.name() + " CLIENT_ID=" + account.clientId()
                    + "\n" + exchange, directory);

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(Json.claims(run.output().trim()).get("azp").asText()).isEqualTo(account.clientId());
        }
    }

    /** The leak address: the README's curl line posts a key file, and that key is disabled as exposed. */
    @Test
    void theKeyExposureLineDisablesTheKeyOfTheFile(Api api, @TempDir Path directory) throws Exception {
        TestRealm realm = TestRealm.create(api);
        String project = realm.createProject(realm.createOrganization("Leaks").get("id").asText(), "Found")
                .get("id").asText();
        TestAccount account = TestAccount.create(realm, project, "leaky");
        JsonNode keyFile = realm.generateKey(account.id(), "ES256");
        Path file = directory.resolve("leaked.json");
        Files.writeString(file, keyFile.toString());

        Bash run = Bash.run("KC=" + api.baseUrl() + " REALM=" + realm.name() + " KEY_FILE=" + file + "\n"
                + Readme.bashBlockAfter("<!-- key-exposure -->"), directory);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"status\":\"received\"");
        JsonNode key = api.get(account.path("/keys/" + keyFile.get("keyId").asText()), api.adminToken()).json();
        assertThat(key.get("disabledReason").asText()).isEqualTo("exposed");
    }

    private static String steps(Api api) {
        return Readme.bashBlockAfter("## Using a service account, step by step").replace("KC=http://localhost:8080", "KC=" + api.baseUrl());
    }

    private static String keyFileOf(Bash run) {
        Matcher matcher = KEY_FILE.matcher(run.output());
        assertThat(matcher.find()).as(run.output()).isTrue();
        return matcher.group(1);
    }
}
