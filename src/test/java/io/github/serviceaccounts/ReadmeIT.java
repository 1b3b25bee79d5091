package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's shell examples, run as written against the server under test (bash, curl, jq and openssl). */
@KeycloakIntegrationTest
class ReadmeIT {

    private static final String WEBSITE = "0a0c0e00-0000-4000-8000-000000000002";

    @Test
    void theStepByStepAndTheOpensslExampleGetATokenWithTheNewRole(Api api) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String steps = firstBashBlockAfter(readme, "## Using a service account, step by step")
                .replace("KC=http://localhost:8080", "KC=" + api.baseUrl());
        String openssl = firstBashBlockAfter(readme, "<!-- token-with-openssl -->");

        String answer = bash(steps + "\n" + openssl);

        JsonNode token = Json.parse(answer.substring(answer.lastIndexOf("{\"access_token\"")));
        JsonNode claims = Json.claims(token.get("access_token").asText());
        assertThat(claims.at("/projects/" + WEBSITE).asText()).isEqualTo("project.user");
    }

    private static String firstBashBlockAfter(String text, String marker) {
        int from = text.indexOf("```bash\n", text.indexOf(marker)) + "```bash\n".length();
        return text.substring(from, text.indexOf("```", from));
    }

    private static String bash(String script) throws Exception {
        Path directory = Files.createTempDirectory("readme");
        Process process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(directory.toFile())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
