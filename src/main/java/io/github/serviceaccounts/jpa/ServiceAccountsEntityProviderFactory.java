package io.github.serviceaccounts.jpa;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the extension's tables with Keycloak's JPA. Liquibase keeps their history in
 * {@code DATABASECHANGELOG_SERVICEACC}, named from this factory's id.
 */
public final class ServiceAccountsEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "serviceaccounts";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new ServiceAccountsEntityProvider();
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
