package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A browser script of {@code themes/e2e/} run with Node.js in headless Chromium (Debian's package, driven by
 * playwright-core). The script checks what a person sees and fails with what it saw instead; it prints its result
 * as its last JSON line. Where Chromium or the npm packages are missing, the calling test is reported skipped with
 * the reason.
 */
final class BrowserScript {

    static final Path THEMES = Path.of("themes");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private BrowserScript() {
    }

    static void assumeBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: needs Debian's chromium package (apt-get install chromium)");
        assumeTrue(Files.isDirectory(THEMES.resolve("node_modules/playwright-core")),
                "SKIPPED: needs the consoles' npm packages, which the Maven build installs unless -DskipUi");
    }

    /** Where a test's downloads and failure screenshots go. */
    static Path outDir(String name) throws Exception {
        return Files.createDirectories(Path.of("target/it/console", name)).toAbsolutePath();
    }

    /** Runs {@code e2e/<script>} with these variables (plus CHROMIUM and SCREENSHOT_DIR) and answers its result. */
    static JsonNode run(String script, Map<String, String> variables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script).directory(THEMES.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("CHROMIUM", CHROMIUM.toString());
        String screenshots = System.getProperty("it.screenshots", "");
        if (!screenshots.isEmpty()) {
            environment.put("SCREENSHOT_DIR", Path.of(screenshots).toAbsolutePath().toString());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("%s did not finish in 4 minutes: %s", script, output).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", script, output).isZero();
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).as("%s printed no result:%n%s", script, output).isNotEmpty();
        return Json.parse(lines.get(lines.size() - 1));
    }
}
