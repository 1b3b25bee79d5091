package io.github.serviceaccounts.accounts;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.directory.Members;
import io.github.serviceaccounts.directory.OrgUnit;
import io.github.serviceaccounts.directory.Organization;
import io.github.serviceaccounts.directory.Page;
import io.github.serviceaccounts.directory.Project;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * Service accounts of one realm: clients the extension made and registered ({@link AccountEntity}), each with a
 * service-account user that starts with no roles and no memberships.
 */
public final class ServiceAccounts {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Directory directory;
    private final Members members;
    private final AccountQueries queries;
    private final String emailDomain;

    public ServiceAccounts(KeycloakSession session, RealmModel realm, Directory directory, Members members,
            String emailDomain) {
        this.session = session;
        this.realm = realm;
        this.directory = directory;
        this.members = members;
        this.emailDomain = emailDomain;
        this.queries = new AccountQueries(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId());
    }

    /** The account with this internal client id; clients that are not registered accounts are not found. */
    public Optional<ServiceAccount> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 36) {
            return Optional.empty();
        }
        AccountEntity entity = queries.find(id);
        ClientModel client = entity == null ? null : session.clients().getClientById(realm, id);
        return client == null ? Optional.empty() : Optional.of(toAccount(client, entity));
    }

    /** The account whose service-account user this is, if the user is one of ours. */
    public Optional<ServiceAccount> ofUser(UserModel user) {
        return Optional.ofNullable(user.getServiceAccountClientLink()).flatMap(this::find);
    }

    public List<ServiceAccount> ofProject(Project project, Page page) {
        return queries.ofProject(project.id(), page);
    }

    /** Who controls each of these clients that is a service account, by internal client id. */
    public Map<String, Owner> owners(Collection<String> clientIds) {
        return queries.owners(clientIds);
    }

    /** Creates the account; the name must be free in the project (checked under the project's lock). */
    public ServiceAccount create(Project project, String name, String description) {
        directory.lock(project);
        requireFreeName(project, name);
        ClientModel client = AccountClient.create(session, realm, project, name, description);
        UserModel user = session.users().getServiceAccount(client);
        user.setEmail(client.getClientId() + "@" + emailDomain);
        user.setEmailVerified(false);
        // Least privilege: no default roles (offline_access, account console); access comes from memberships only.
        user.deleteRoleMapping(realm.getDefaultRole());
        queries.register(client.getId(), project.id(), name, Instant.now());
        return find(client.getId()).orElseThrow();
    }

    /**
     * Locks the account until the transaction ends: its keys, state and deletion change one request at a time, on
     * every node. False if the account was deleted meanwhile.
     */
    public boolean lock(ServiceAccount account) {
        return queries.lock(account.id()) && queries.find(account.id()) != null;
    }

    /**
     * Changes what is given (null leaves a field as it is). Disabling an account that is the last active
     * {@code organization.admin} of an organization is refused unless {@code mayRemoveLastAdmin}.
     */
    public ServiceAccount update(ServiceAccount account, Change change, boolean mayRemoveLastAdmin) {
        ClientModel client = client(account);
        if (change.name() != null && !change.name().equals(account.name())) {
            Project project = owner(account);
            directory.lock(project);
            requireFreeName(project, change.name());
            client.setName(change.name());
            queries.find(account.id()).setName(change.name());
        }
        if (change.description() != null) {
            AccountClient.describe(client, owner(account), change.description());
        }
        if (change.assertionLifetime() != null) {
            AssertionLifetime.set(client, change.assertionLifetime());
        }
        if (Boolean.FALSE.equals(change.enabled()) && account.enabled()) {
            members.requireNotLastAdminAnywhere(user(account), mayRemoveLastAdmin);
        }
        if (change.enabled() != null) {
            client.setEnabled(change.enabled());
            user(account).setEnabled(change.enabled());
            if (!change.enabled()) {
                revokeTokens(account);
            }
        }
        return find(account.id()).orElseThrow();
    }

    /** What {@link #update} changes; null leaves a field as it is. */
    public record Change(String name, String description, Boolean enabled, Integer assertionLifetime) {
    }

    /** Hands the account to another project of the same organization; its name must be free there. */
    public ServiceAccount move(ServiceAccount account, Project target) {
        Stream.of(owner(account), target).sorted(Comparator.comparing(Project::id)).forEach(directory::lock);
        requireFreeName(target, account.name());
        queries.find(account.id()).setProjectId(target.id());
        AccountClient.recordOwner(client(account), target);
        return find(account.id()).orElseThrow();
    }

    /** Keeps the descriptions Keycloak's Clients list shows in step with a renamed project. */
    public void projectRenamed(Project project) {
        queries.ofProject(project.id(), new Page(0, Integer.MAX_VALUE, null))
                .forEach(account -> AccountClient.describe(client(account), project, account.description()));
    }

    /**
     * Deletes the client, its service-account user and with it every membership; its keys and registry row go with
     * the client. Refused while the account is the last active {@code organization.admin} of an organization, unless
     * {@code mayRemoveLastAdmin}. False if it was deleted meanwhile.
     */
    public boolean delete(ServiceAccount account, boolean mayRemoveLastAdmin) {
        if (!lock(account)) {
            return false;
        }
        members.requireNotLastAdminAnywhere(user(account), mayRemoveLastAdmin);
        return new ClientManager(new RealmManager(session)).removeClient(realm, client(account));
    }

    /** Refuses to delete an organization or project while accounts are owned there, naming some of them. */
    public void requireNoneOwnedBy(OrgUnit unit) {
        List<String> owned = queries.ownedBy(unit.id(), unit instanceof Organization, 11);
        if (!owned.isEmpty()) {
            String names = String.join(", ", owned.subList(0, Math.min(10, owned.size())))
                    + (owned.size() > 10 ? ", …" : "");
            throw new Conflict(Conflict.PROJECT_OWNS_SERVICE_ACCOUNTS,
                    "Delete these service accounts or move them to another project first: " + names);
        }
    }

    /**
     * Makes every token issued to the account until now inactive (token introspection answers {@code active: false}),
     * after a change of its roles, keys or state. Token times are whole seconds, so a token issued within the same
     * second as the change stays valid.
     */
    public void revokeTokens(ServiceAccount account) {
        client(account).setNotBefore(Math.toIntExact(Time.currentTimeMillis() / 1000));
    }

    /** {@link #revokeTokens(ServiceAccount)} when the user is a service account's user; nothing for a person. */
    public void revokeTokensOfUser(UserModel user) {
        ofUser(user).ifPresent(this::revokeTokens);
    }

    /** {@link #revokeTokens(ServiceAccount)} for each of these clients that is a service account. */
    public void revokeTokensOfClients(Collection<String> clientIds) {
        clientIds.forEach(id -> find(id).ifPresent(this::revokeTokens));
    }

    public UserModel user(ServiceAccount account) {
        return session.users().getUserById(realm, account.userId());
    }

    private Project owner(ServiceAccount account) {
        return directory.project(account.projectId())
                .orElseThrow(() -> new IllegalStateException("The owning project of " + account.id() + " is gone"));
    }

    private void requireFreeName(Project project, String name) {
        if (queries.nameTaken(project.id(), name)) {
            throw new Conflict(Conflict.NAME_TAKEN, "name: the project already has a service account named '" + name + "'");
        }
    }

    private ClientModel client(ServiceAccount account) {
        return session.clients().getClientById(realm, account.id());
    }

    private ServiceAccount toAccount(ClientModel client, AccountEntity entity) {
        UserModel user = session.users().getServiceAccount(client);
        // The registry's name: the client's own field is a copy, which Keycloak's console may edit.
        String name = entity.getName() == null ? client.getName() : entity.getName();
        return new ServiceAccount(client.getId(), client.getClientId(), name,
                client.getAttribute(AccountLayout.DESCRIPTION), user == null ? null : user.getEmail(),
                entity.getProjectId(), client.isEnabled(),
                entity.getCreatedAt() == null ? null : Instant.ofEpochMilli(entity.getCreatedAt()),
                user == null ? null : user.getId(), AssertionLifetime.of(client));
    }
}
