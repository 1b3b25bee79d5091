package io.github.serviceaccounts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The README's shell examples, read from the file and run as a reader runs them. */
public final class Readme {

    private Readme() {
    }

    /** The first bash block after a heading or marker of the README. */
    public static String bashBlockAfter(String marker) {
        try {
            String readme = Files.readString(Path.of("README.md"));
            int from = readme.indexOf("```bash\n", readme.indexOf(marker)) + "```bash\n".length();
            return readme.substring(from, readme.indexOf("```", from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a bash script printed (both streams) and how it ended. */
    public record Bash(int exitCode, String output) {

        public static Bash run(String script, Path directory) throws IOException, InterruptedException {
            Process process = new ProcessBuilder("bash", "-c", script).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Bash(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }
}
