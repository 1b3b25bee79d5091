package io.github.serviceaccounts.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts the extension's REST API at {@code /admin/realms/{realm}/iam}. */
public final class IamResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "iam";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new IamResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
