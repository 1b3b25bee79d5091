package io.github.serviceaccounts.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;

/**
 * Starts one Keycloak per test run (distribution by default, container image with {@code -Dit.runtime=container})
 * and stops it when the run ends.
 */
public final class KeycloakExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    /** Reports every test as skipped, with the reason, where the chosen runtime cannot run here. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (ItSettings.fromSystemProperties().runtime().equals("container")
                && !DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.disabled("SKIPPED: -Pcontainer (-Dit.runtime=container) needs a Docker engine"
                    + " and none is reachable here; without it the tests run on the Keycloak distribution");
        }
        return ConditionEvaluationResult.enabled("runtime available");
    }

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
