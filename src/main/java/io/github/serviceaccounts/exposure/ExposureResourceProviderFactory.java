package io.github.serviceaccounts.exposure;

import io.github.serviceaccounts.Settings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the public leak-report address at {@code /realms/{realm}/iam/key-exposures} (no token needed). */
public final class ExposureResourceProviderFactory implements RealmResourceProviderFactory {

    private Settings settings = Settings.defaults();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ExposureResource(session, settings);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        settings = Settings.fromServerConfig();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return Settings.PROVIDER;
    }
}
