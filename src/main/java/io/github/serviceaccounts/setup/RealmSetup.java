package io.github.serviceaccounts.setup;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.ImportedAccounts;
import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.mapper.RolesClientScope;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The changes the extension makes to a realm, each logged on its own line. At every start: undoing what versions
 * before 0.2 persisted (their authenticator in the client-authentication flows, which strands a realm when the JAR is
 * removed, and on service-account clients), recording creation times they did not, and, once per realm, the optional
 * client scope {@code iam-roles}. The master realm gets the scope only when {@code set-up-master-realm} says so, and a
 * scope an administrator deleted stays deleted unless {@code restore-roles-scope} says otherwise.
 */
final class RealmSetup {

    /** Realm attribute: the extension has set up the iam-roles scope here (so a missing scope was deleted on purpose). */
    static final String ROLES_SCOPE_DONE = "iam.rolesScope";
    private static final Logger LOG = Logger.getLogger(RealmSetup.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Settings settings;

    RealmSetup(KeycloakSession session, RealmModel realm, Settings settings) {
        this.session = session;
        this.realm = realm;
        this.settings = settings;
    }

    /** What every start does for every realm. */
    void atStart() {
        removeFormerFlowExecutions();
        switchFormerAuthenticatorType();
        int recorded = new Directory(session, realm).recordMissingCreationTimes();
        if (recorded > 0) {
            log("recorded a creation time on %d organizations and projects made by an earlier version", recorded);
        }
        setUpRolesScope();
    }

    /** What a new realm gets, an imported one included. */
    void atCreation() {
        int imported = ImportedAccounts.register(session, realm);
        if (imported > 0) {
            log("registered %d service accounts from the realm import", imported);
        }
        setUpRolesScope();
    }

    private void setUpRolesScope() {
        if (Config.getAdminRealm().equals(realm.getName()) && !settings.setUpMasterRealm()) {
            return;
        }
        ClientScopeModel scope = RolesClientScope.find(realm).orElse(null);
        boolean done = realm.getAttribute(ROLES_SCOPE_DONE) != null;
        if (scope == null && (!done || settings.restoreRolesScope())) {
            RolesClientScope.create(realm);
            log("created the optional client scope '%s' (users' tokens carry organization and project roles for clients"
                    + " that ask for scope=%s)", RolesClientScope.NAME, RolesClientScope.NAME);
        } else if (scope != null && !done) {
            int clients = RolesClientScope.makeOptional(realm, scope);
            log("made the client scope '%s' optional for new clients and for %d existing clients that had it by"
                    + " default", RolesClientScope.NAME, clients);
        }
        if (!done) {
            realm.setAttribute(ROLES_SCOPE_DONE, "optional");
        }
    }

    private void removeFormerFlowExecutions() {
        realm.getAuthenticationFlowsStream().toList().forEach(flow -> {
            List<AuthenticationExecutionModel> former = realm.getAuthenticationExecutionsStream(flow.getId())
                    .filter(e -> ImportedAccounts.FORMER_AUTHENTICATOR.equals(e.getAuthenticator()))
                    .toList();
            former.forEach(realm::removeAuthenticatorExecution);
            if (!former.isEmpty()) {
                log("removed the '%s' execution an earlier version added to the flow '%s'",
                        ImportedAccounts.FORMER_AUTHENTICATOR, flow.getAlias());
            }
        });
    }

    private void switchFormerAuthenticatorType() {
        List<String> ids = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("select c.id from ClientEntity c where c.realmId = :realm"
                        + " and c.clientAuthenticatorType = :former", String.class)
                .setParameter("realm", realm.getId())
                .setParameter("former", ImportedAccounts.FORMER_AUTHENTICATOR)
                .getResultList();
        ids.forEach(id -> realm.getClientById(id).setClientAuthenticatorType(JWTClientAuthenticator.PROVIDER_ID));
        if (!ids.isEmpty()) {
            log("switched %d clients from the '%s' authenticator to '%s'", ids.size(),
                    ImportedAccounts.FORMER_AUTHENTICATOR, JWTClientAuthenticator.PROVIDER_ID);
        }
    }

    private void log(String format, Object... arguments) {
        LOG.infof("service-accounts: realm '%s': %s", realm.getName(), String.format(format, arguments));
    }
}
