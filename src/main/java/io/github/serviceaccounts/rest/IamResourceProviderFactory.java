package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.setup.Startup;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
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
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
