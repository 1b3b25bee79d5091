package io.github.serviceaccounts.accounts;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.Ellipsis;
import io.github.serviceaccounts.auth.KeyPairClientAuthenticatorFactory;
import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.directory.OrgUnit;
import io.github.serviceaccounts.directory.Organization;
import io.github.serviceaccounts.directory.Page;
import io.github.serviceaccounts.directory.Project;
import io.github.serviceaccounts.mapper.RolesClientScope;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * Service accounts of one realm: each a confidential client with only the client-credentials grant, the extension's
 * key authenticator, and a service-account user that starts with no roles and no memberships.
 */
public final class ServiceAccounts {

    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Set<String> PERSONAL_SCOPES = java.util.Set.of("profile", "web-origins");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Directory directory;
    private final AccountQueries queries;
    private final String emailDomain;

    public ServiceAccounts(KeycloakSession session, RealmModel realm, Directory directory, String emailDomain) {
        this.session = session;
        this.realm = realm;
        this.directory = directory;
        this.emailDomain = emailDomain;
        this.queries = new AccountQueries(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId());
    }

    public Optional<ServiceAccount> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 36) {
            return Optional.empty();
        }
        ClientModel client = session.clients().getClientById(realm, id);
        return client == null || client.getAttribute(AccountLayout.PROJECT) == null ? Optional.empty()
                : Optional.of(toAccount(client));
    }

    /** The account whose service-account user this is, if the user is one of ours. */
    public Optional<ServiceAccount> ofUser(UserModel user) {
        return Optional.ofNullable(user.getServiceAccountClientLink()).flatMap(this::find);
    }

    public List<ServiceAccount> ofProject(Project project, Page page) {
        return queries.ofProject(project.id(), page);
    }

    /** Creates the account; the name must be free in the project (checked under the project's lock). */
    public ServiceAccount create(Project project, String name, String description) {
        directory.lock(project);
        requireFreeName(project, name);
        ClientModel client = createClient(project, name, description);
        UserModel user = session.users().getServiceAccount(client);
        user.setEmail(client.getClientId() + "@" + emailDomain);
        user.setEmailVerified(false);
        // Least privilege: no default roles (offline_access, account console); access comes from memberships only.
        user.deleteRoleMapping(realm.getDefaultRole());
        return toAccount(client);
    }

    /** Changes what is given (null leaves a field as it is). */
    public ServiceAccount update(ServiceAccount account, String name, String description, Boolean enabled) {
        ClientModel client = client(account);
        if (name != null && !name.equals(account.name())) {
            Project project = directory.project(account.projectId()).orElseThrow();
            directory.lock(project);
            requireFreeName(project, name);
            client.setName(name);
        }
        if (description != null) {
            describe(client, description);
        }
        if (enabled != null) {
            client.setEnabled(enabled);
            session.users().getServiceAccount(client).setEnabled(enabled);
            if (!enabled) {
                revokeTokens(account);
            }
        }
        return toAccount(client);
    }

    /** Deletes the client, its service-account user and with it every membership; its keys go with the client. */
    public void delete(ServiceAccount account) {
        new ClientManager(new RealmManager(session)).removeClient(realm, client(account));
    }

    /** Refuses to delete an organization or project while accounts are owned there, naming some of them. */
    public void requireNoneOwnedBy(OrgUnit unit) {
        List<String> owned = queries.ownedBy(unit.id(), unit instanceof Organization, 11);
        if (!owned.isEmpty()) {
            String names = String.join(", ", owned.subList(0, Math.min(10, owned.size())))
                    + (owned.size() > 10 ? ", …" : "");
            throw new Conflict(Conflict.PROJECT_OWNS_SERVICE_ACCOUNTS,
                    "Delete or move these service accounts first: " + names);
        }
    }

    /**
     * Makes every token issued to the account until now inactive (token introspection answers {@code active: false}),
     * after a change of its roles, keys or state. Token times are whole seconds, so a token issued within the same
     * second as the change stays valid.
     */
    public void revokeTokens(ServiceAccount account) {
        client(account).setNotBefore(Math.toIntExact(Time.currentTimeSeconds()));
    }

    /** {@link #revokeTokens(ServiceAccount)} when the user is a service account's user; nothing for a person. */
    public void revokeTokensOfUser(UserModel user) {
        ofUser(user).ifPresent(this::revokeTokens);
    }

    public UserModel user(ServiceAccount account) {
        return session.users().getUserById(realm, account.userId());
    }

    private ClientModel createClient(Project project, String name, String description) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(AccountLayout.CLIENT_ID_PREFIX + name + "-" + suffix());
        rep.setName(name);
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        rep.setPublicClient(false);
        rep.setBearerOnly(false);
        rep.setServiceAccountsEnabled(true);
        rep.setStandardFlowEnabled(false);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setFrontchannelLogout(false);
        rep.setFullScopeAllowed(false);
        rep.setClientAuthenticatorType(KeyPairClientAuthenticatorFactory.PROVIDER_ID);
        rep.setAttributes(Map.of(AccountLayout.PROJECT, project.id()));
        ClientModel client;
        try {
            client = ClientManager.createClient(session, realm, rep);
        } catch (ModelDuplicateException e) {
            rep.setClientId(AccountLayout.CLIENT_ID_PREFIX + name + "-" + suffix());
            client = ClientManager.createClient(session, realm, rep);
        }
        new ClientManager(new RealmManager(session)).enableServiceAccount(client);
        RolesClientScope.attachTo(client);
        withoutPersonalScopes(client);
        describe(client, description);
        return client;
    }

    /**
     * A service account has no name, locale or picture, and no browser origin: it does without the profile and
     * web-origins scopes. Their attribute mappers look for each missing attribute through every group of the user,
     * so without them a token costs the same for an account in 1 project or in 500.
     */
    private void withoutPersonalScopes(ClientModel client) {
        client.getClientScopes(true).values().stream()
                .filter(scope -> PERSONAL_SCOPES.contains(scope.getName()))
                .toList()
                .forEach(client::removeClientScope);
    }

    /** The full description as an attribute; the client's own field says whose account it is, for the console. */
    private void describe(ClientModel client, String description) {
        if (description == null || description.isEmpty()) {
            client.removeAttribute(AccountLayout.DESCRIPTION);
        } else {
            client.setAttribute(AccountLayout.DESCRIPTION, description);
        }
        String console = "Service account of project " + client.getAttribute(AccountLayout.PROJECT)
                + (description == null || description.isEmpty() ? "" : ": " + description);
        client.setDescription(Ellipsis.fit(console, Ellipsis.KEYCLOAK_COLUMN));
    }

    private void requireFreeName(Project project, String name) {
        if (queries.nameTaken(project.id(), name)) {
            throw new Conflict(Conflict.NAME_TAKEN, "name: the project already has a service account named '" + name + "'");
        }
    }

    private ClientModel client(ServiceAccount account) {
        return session.clients().getClientById(realm, account.id());
    }

    private ServiceAccount toAccount(ClientModel client) {
        UserModel user = session.users().getServiceAccount(client);
        Long created = client.getCreatedTimestamp();
        return new ServiceAccount(client.getId(), client.getClientId(), client.getName(),
                client.getAttribute(AccountLayout.DESCRIPTION), user == null ? null : user.getEmail(),
                client.getAttribute(AccountLayout.PROJECT), client.isEnabled(),
                created == null ? null : Instant.ofEpochMilli(created), user == null ? null : user.getId());
    }

    private static String suffix() {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
