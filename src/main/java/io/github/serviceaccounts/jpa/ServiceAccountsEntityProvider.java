package io.github.serviceaccounts.jpa;

import io.github.serviceaccounts.accounts.AccountEntity;
import io.github.serviceaccounts.directory.OrgUnitEntity;
import io.github.serviceaccounts.federation.jpa.FederatedCredentialEntity;
import io.github.serviceaccounts.keys.jpa.KeyEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

final class ServiceAccountsEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(OrgUnitEntity.class, KeyEntity.class, AccountEntity.class, FederatedCredentialEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/serviceaccounts/changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return ServiceAccountsEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
