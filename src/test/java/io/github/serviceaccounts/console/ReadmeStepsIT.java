package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.TestRealm;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's step-by-step script and its CSV one-liner, run as a reader runs them (bash, curl, jq, openssl)
 * against the demo realm of the server under test: the script can run again, says what it made, and stops at the
 * first error; the one-liner turns a CSV key file into the PEM of that very key.
 */
@KeycloakIntegrationTest
class ReadmeStepsIT {

    private static final String WEBSITE = "0a0c0e00-0000-4000-8000-000000000002";
    private static final Pattern KEY_FILE = Pattern.compile("its key file is (\\S+)");

    @Test
    void theStepsRunTwiceEachTimeWithANewAccountAndAKeyFile(Api api) throws Exception {
        Path directory = Files.createTempDirectory("readme-steps");
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
    void theStepsStopAtTheFirstErrorWithTheServersAnswer(Api api) throws Exception {
        Path directory = Files.createTempDirectory("readme-steps");
        String steps = steps(api).replace("WEBSITE=" + WEBSITE, "WEBSITE=0a0c0e00-0000-4000-8000-00000000dead");

        Bash run = Bash.run(steps, directory);

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("not_found").doesNotContain("created service account");
        try (var files = Files.list(directory)) {
            assertThat(files).as("no key file after a failed step").isEmpty();
        }
    }

    @Test
    void theCsvOneLinerMakesThePemOfTheKey(Api api) throws Exception {
        TestRealm realm = TestRealm.create(api);
        String organization = realm.createOrganization("Csv Org").get("id").asText();
        String project = realm.createProject(organization, "Csv Project").get("id").asText();
        String account = realm.createServiceAccount(project, "csv-export").get("id").asText();
        Response csv = api.send(api.request(realm.iam("/service-accounts/" + account + "/keys"), api.adminToken())
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("{\"algorithm\":\"RS256\"}")));
        assertThat(csv.status()).as("%s", csv).isEqualTo(201);
        Path directory = Files.createTempDirectory("readme-csv");
        Files.writeString(directory.resolve("key.csv"), csv.body());

        Bash oneLiner = Bash.run(block("<!-- csv-key-to-pem -->"), directory);
        Bash fingerprint = Bash.run("openssl pkey -in key.pem -pubout -outform DER | openssl dgst -sha256 -r", directory);

        assertThat(oneLiner.exitCode()).as(oneLiner.output()).isZero();
        String fingerprintOfPem = fingerprint.output().trim().split(" ")[0];
        JsonNode key = api.get(realm.iam("/service-accounts/" + account + "/keys"), api.adminToken()).json().get(0);
        assertThat(fingerprintOfPem).isEqualTo(key.get("fingerprint").asText());
    }

    private static String steps(Api api) throws Exception {
        return block("## Using a service account, step by step").replace("KC=http://localhost:8080", "KC=" + api.baseUrl());
    }

    private static String keyFileOf(Bash run) {
        Matcher matcher = KEY_FILE.matcher(run.output());
        assertThat(matcher.find()).as(run.output()).isTrue();
        return matcher.group(1);
    }

    /** The first bash block after a heading or marker of the README. */
    private static String block(String marker) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("```bash\n", readme.indexOf(marker)) + "```bash\n".length();
        return readme.substring(from, readme.indexOf("```", from));
    }

    private record Bash(int exitCode, String output) {

        static Bash run(String script, Path directory) throws Exception {
            Process process = new ProcessBuilder("bash", "-c", script).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Bash(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
