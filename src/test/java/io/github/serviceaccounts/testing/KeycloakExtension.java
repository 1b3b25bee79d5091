package io.github.serviceaccounts.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one Keycloak per test run (distribution by default, container image with {@code -Dit.runtime=container}). */
public final class KeycloakExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KeycloakServer server = server(context);
        return parameter.getParameter().getType() == Api.class ? new Api(server.baseUrl()) : server;
    }

    static KeycloakServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(KeycloakServer.class, type -> startServer(), KeycloakServer.class);
    }

    private static KeycloakServer startServer() {
        ItSettings settings = ItSettings.fromSystemProperties();
        if (settings.runtime().equals("container")) {
            return ContainerServer.start(settings);
        }
        Database database = settings.database().equals("postgres") ? Postgres.freshDatabase("kcsa_it") : Database.devFile();
        return DistributionServer.install(settings, DistributionServer.Options.defaults("server", database)).start();
    }
}
