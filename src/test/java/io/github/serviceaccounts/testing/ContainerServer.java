package io.github.serviceaccounts.testing;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.testcontainers.utility.MountableFile;

/** The official Keycloak container image with the provider JAR, through testcontainers-keycloak. */
final class ContainerServer implements KeycloakServer {

    private final KeycloakContainer container;

    private ContainerServer(KeycloakContainer container) {
        this.container = container;
    }

    static ContainerServer start(ItSettings settings) {
        KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + settings.keycloakVersion())
                .withAdminUsername(ADMIN_USERNAME)
                .withAdminPassword(ADMIN_PASSWORD)
                .withProviderLibsFrom(List.of(settings.providerJar().toFile()));
        try (Stream<Path> realms = Files.list(settings.realmConfig())) {
            realms.filter(p -> p.toString().endsWith(".json")).forEach(p -> container.withCopyFileToContainer(
                    MountableFile.forHostPath(p), "/opt/keycloak/data/import/" + p.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public String baseUrl() {
        String url = container.getAuthServerUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public Optional<String> log() {
        return Optional.of(container.getLogs());
    }

    @Override
    public void close() {
        container.stop();
    }
}
