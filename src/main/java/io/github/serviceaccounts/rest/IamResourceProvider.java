package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.auth.KeyPairClientAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

final class IamResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return new IamResource(session, realm, auth, adminEvent,
                KeyPairClientAuthenticatorFactory.settings(session));
    }

    @Override
    public void close() {
    }
}
