package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.setup.Compatibility;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

final class IamResourceProvider implements AdminRealmResourceProvider {

    private final Settings settings;

    IamResourceProvider(Settings settings) {
        this.settings = settings;
    }

    /** The API, or where this Keycloak cannot run the extension, a root that answers 503 to everything. */
    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        Compatibility compatibility = Compatibility.current();
        if (!compatibility.works()) {
            return new UnavailableResource(compatibility.unavailableReason());
        }
        return new IamResource(session, realm, auth, adminEvent, settings);
    }

    @Override
    public void close() {
    }
}
