package io.github.serviceaccounts.testing;

import java.nio.file.Path;

/** What the build tells the integration tests (failsafe system properties), with defaults for IDE runs. */
public record ItSettings(Path distribution, String keycloakVersion, Path providerJar, Path realmConfig, Path workDir,
        String runtime, String database) {

    public static ItSettings fromSystemProperties() {
        return new ItSettings(
                Path.of(required("keycloak.dist.dir")),
                required("keycloak.version"),
                Path.of(required("provider.jar")),
                Path.of(System.getProperty("realm.config.dir", "realm-config")),
                Path.of(System.getProperty("it.work.dir", "target/it")),
                System.getProperty("it.runtime", "distribution"),
                System.getProperty("it.db", "dev-file"));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests with `mvn verify`");
        }
        return value;
    }
}
