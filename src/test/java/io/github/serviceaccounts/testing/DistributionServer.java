package io.github.serviceaccounts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Keycloak distribution (the {@code keycloak-quarkus-dist} zip) installed in its own folder with the freshly built
 * provider JAR and the demo realm, built once with {@code kc.sh build} and started with {@code kc.sh start --optimized},
 * as an operator runs it in production.
 */
public final class DistributionServer implements KeycloakServer {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * How one node is built and started. {@code cache} is {@code local} for a single node, {@code ispn} for a cluster
     * (and for production-like benchmarks).
     */
    public record Options(String name, Database database, String cache, List<String> buildArgs, List<String> startArgs,
            Map<String, String> env, boolean withProvider, boolean importRealms) {

        public static Options defaults(String name, Database database) {
            return new Options(name, database, "local", List.of(), List.of(), Map.of(), true, true);
        }

        public Options withCache(String newCache) {
            return new Options(name, database, newCache, buildArgs, startArgs, env, withProvider, importRealms);
        }

        public Options withStartArgs(List<String> args) {
            return new Options(name, database, cache, buildArgs, args, env, withProvider, importRealms);
        }

        public Options withEnv(Map<String, String> variables) {
            return new Options(name, database, cache, buildArgs, startArgs, variables, withProvider, importRealms);
        }

        /** A plain Keycloak: no provider JAR and no demo realm (they may be added later). */
        public Options plain() {
            return new Options(name, database, cache, buildArgs, startArgs, env, false, false);
        }
    }

    private final Path home;
    private final Path providerJar;
    private final Options options;
    private final int httpPort = Ports.free();
    private final int managementPort = Ports.free();
    private final Path logFile;
    private Process process;

    private DistributionServer(Path home, Path providerJar, Options options) {
        this.home = home;
        this.providerJar = providerJar;
        this.options = options;
        this.logFile = home.resolve("server.log");
    }

    /** Copies the distribution, the provider JAR and the demo realm into a fresh folder and runs {@code kc.sh build}. */
    public static DistributionServer install(ItSettings settings, Options options) {
        Path home = settings.workDir().resolve(options.name()).toAbsolutePath();
        deleteRecursively(home);
        copyRecursively(settings.distribution(), home);
        DistributionServer server = new DistributionServer(home, settings.providerJar(), options);
        if (options.withProvider()) {
            copy(settings.providerJar(), server.installedJar());
        }
        if (options.importRealms()) {
            try (Stream<Path> realms = Files.list(settings.realmConfig())) {
                realms.filter(p -> p.toString().endsWith(".json"))
                        .forEach(p -> copy(p, home.resolve("data/import").resolve(p.getFileName())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        server.build();
        return server;
    }

    private Path installedJar() {
        return home.resolve("providers").resolve(providerJar.getFileName());
    }

    /** Puts the provider JAR into {@code providers/} and runs {@code kc.sh build}, as an operator installs it. */
    public DistributionServer addProvider() {
        copy(providerJar, installedJar());
        build();
        return this;
    }

    /** Takes the provider JAR out of {@code providers/} and runs {@code kc.sh build}: the whole removal. */
    public DistributionServer removeProvider() {
        try {
            Files.deleteIfExists(installedJar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        build();
        return this;
    }

    private void build() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build",
                "--db=" + options.database().vendor(), "--health-enabled=true"));
        command.addAll(options.buildArgs());
        Path buildLog = home.resolve("build.log");
        try {
            Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(buildLog.toFile()).start();
            if (build.waitFor() != 0) {
                throw new IllegalStateException("kc.sh build failed:\n" + Files.readString(buildLog));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server and waits until it reports ready. */
    public DistributionServer start() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname-strict=false", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort, "--cache=" + options.cache()));
        if (options.importRealms()) {
            command.add("--import-realm");
        }
        command.addAll(options.database().startArgs());
        command.addAll(options.startArgs());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(options.env());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }));
        awaitReady();
        return this;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + log().orElse(""));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + ":\n" + log().orElse(""));
    }

    /**
     * Stops the server as Ctrl-C or a service manager does: SIGTERM to {@code kc.sh}, which passes it on to the
     * Java process it runs; waits until both are gone.
     */
    public void stop() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> jvm = process.descendants().toList();
            process.destroy();
            awaitExit(jvm);
        }
    }

    /** Kills the server's Java process without warning (SIGKILL), as a crash or an OOM killer does. */
    public void kill() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> jvm = process.descendants().toList();
            jvm.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            awaitExit(jvm);
        }
    }

    private void awaitExit(List<ProcessHandle> jvm) {
        try {
            process.waitFor();
            for (ProcessHandle child : jvm) {
                child.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            jvm.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The Keycloak JVM's process id ({@code kc.sh} runs Java as its child). */
    public long pid() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                .map(ProcessHandle::pid).orElse(process.pid());
    }

    public Path home() {
        return home;
    }

    public Database database() {
        return options.database();
    }

    /** The embedded H2 database file, where the server runs on dev-file. */
    public Path h2File() {
        return home.resolve("data/h2/keycloakdb.mv.db");
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    @Override
    public Optional<String> log() {
        try {
            return Files.exists(logFile) ? Optional.of(Files.readString(logFile)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRecursively(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException("No Keycloak distribution at " + from + "; run the tests with `mvn verify`");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
