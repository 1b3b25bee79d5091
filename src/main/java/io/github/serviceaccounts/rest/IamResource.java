package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.ServiceAccounts;
import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.directory.Members;
import io.github.serviceaccounts.directory.RoleReader;
import io.github.serviceaccounts.federation.FederatedCredentials;
import io.github.serviceaccounts.keys.Keys;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Root of the extension's REST API at {@code /admin/realms/{realm}/iam}; every resource lives under a sub-path. */
public final class IamResource {

    private final Context context;

    IamResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
            Settings settings) {
        Directory directory = new Directory(session, realm);
        Members members = new Members(session, realm, directory);
        ServiceAccounts accounts = new ServiceAccounts(session, realm, directory, members, settings.emailDomain());
        RoleReader roles = new RoleReader(session, realm);
        this.context = new Context(session, realm, settings, directory, members, accounts, new Keys(session, settings),
                new FederatedCredentials(session),
                new Guard(session, realm, auth, directory, roles, accounts), new Events(adminEvent));
    }

    @Path("organizations")
    public OrganizationsResource organizations() {
        return new OrganizationsResource(context);
    }

    @Path("projects")
    public ProjectsResource projects() {
        return new ProjectsResource(context);
    }

    @Path("environments")
    public EnvironmentsResource environments() {
        return new EnvironmentsResource(context);
    }

    @Path("service-accounts")
    public ServiceAccountsResource serviceAccounts() {
        return new ServiceAccountsResource(context);
    }

    @Path("trusted-issuers")
    public TrustedIssuersResource trustedIssuers() {
        return new TrustedIssuersResource(context);
    }

    /** Any other path: the API's own 404. */
    @Path("{unknown: .*}")
    public Fallback unknown() {
        return Fallback.notFound();
    }
}
