package io.github.serviceaccounts.setup;

import io.github.serviceaccounts.Settings;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/** What the extension does when Keycloak starts and when a realm is created. */
public final class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);

    private Startup() {
    }

    /**
     * Says where the extension stands on this Keycloak, and where it can work, sets up each realm at start (one
     * transaction per realm, so one realm's trouble leaves the others set up) and each new realm at its creation.
     */
    public static void register(KeycloakSessionFactory factory, Settings settings) {
        Compatibility compatibility = Compatibility.current();
        if (!compatibility.supported()) {
            LOG.warnf("service-accounts: Keycloak %s is outside the versions this extension supports (%s)",
                    compatibility.version(), Compatibility.SUPPORTED);
        }
        if (!compatibility.works()) {
            LOG.errorf("service-accounts: cannot work on Keycloak %s (supported: %s; missing: %s). Its REST API answers"
                    + " 503, service accounts get no tokens, and Keycloak handles every other client as usual",
                    compatibility.version(), Compatibility.SUPPORTED, String.join(", ", compatibility.missing()));
            return;
        }
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                setUpEveryRealm(factory, settings);
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                new RealmSetup(created.getKeycloakSession(), created.getCreatedRealm(), settings).atCreation();
            }
        });
    }

    private static void setUpEveryRealm(KeycloakSessionFactory factory, Settings settings) {
        List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> session.realms().getRealmsStream().map(RealmModel::getId).toList());
        for (String id : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(id);
                    session.getContext().setRealm(realm);
                    new RealmSetup(session, realm, settings).atStart();
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "service-accounts: could not set up the realm with id %s; it is left as it was", id);
            }
        }
    }
}
