package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.auth.UseWriter;
import io.github.serviceaccounts.setup.Startup;
import java.util.Set;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Mounts the extension's REST API at {@code /admin/realms/{realm}/iam}, holds the server-wide settings
 * ({@code --spi-admin-realm-restapi-extension--iam--<option>}, see {@link Settings}) and sets up the realms at start.
 */
public final class IamResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = Settings.PROVIDER;

    private Settings settings = Settings.defaults();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new IamResourceProvider(settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = Settings.fromServerConfig();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        Startup.register(factory, settings);
        UseWriter.start(factory, settings.lastUseWriteInterval());
    }

    /** Closed before the JPA connection, so the uses still noted in memory are written at a clean shutdown. */
    @Override
    public Set<Class<? extends Provider>> dependsOn() {
        return Set.of(JpaConnectionProvider.class);
    }

    @Override
    public void close() {
        UseWriter.stop();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
