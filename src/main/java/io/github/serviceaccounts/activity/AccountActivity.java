package io.github.serviceaccounts.activity;

import io.github.serviceaccounts.accounts.ServiceAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What a service account did, read from Keycloak's event store rather than a copy of it: the login events of its
 * client ({@code CLIENT_LOGIN}, {@code CLIENT_LOGIN_ERROR}) and the admin events its user caused, merged newest first.
 */
public final class AccountActivity {

    /** The event details the authenticator records (see the auth package). */
    static final String KEY_ID = "client_jwt_kid";
    static final String CREDENTIAL_ID = "federated_credential_id";

    private final KeycloakSession session;
    private final RealmModel realm;

    public AccountActivity(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Whether the realm stores any events at all; where it stores none, there is no activity to show. */
    public boolean stored() {
        return realm.isEventsEnabled() || realm.isAdminEventsEnabled();
    }

    /** One page, newest first: each source is read up to {@code first + max}, then merged and cut. */
    public List<ActivityEntry> of(ServiceAccount account, String userId, int first, int max) {
        if (!stored()) {
            return List.of();
        }
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        int upTo = first + max;
        List<ActivityEntry> merged = new ArrayList<>();
        store.createQuery().realm(realm.getId()).client(account.clientId())
                .type(EventType.CLIENT_LOGIN, EventType.CLIENT_LOGIN_ERROR).orderByDescTime()
                .firstResult(0).maxResults(upTo).getResultStream().map(AccountActivity::ofLogin)
                .forEach(merged::add);
        Stream<AdminEvent> calls = store.createAdminQuery().realm(realm.getId()).authUser(userId).orderByDescTime()
                .firstResult(0).maxResults(upTo).getResultStream();
        calls.map(AccountActivity::ofCall).forEach(merged::add);
        return merged.stream().sorted(Comparator.comparing(ActivityEntry::time).reversed()).skip(first).limit(max)
                .toList();
    }

    private static ActivityEntry ofLogin(Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        boolean refused = event.getType() == EventType.CLIENT_LOGIN_ERROR;
        return new ActivityEntry(Instant.ofEpochMilli(event.getTime()),
                refused ? ActivityEntry.TOKEN_REFUSED : ActivityEntry.TOKEN, details.get(KEY_ID),
                details.get(CREDENTIAL_ID), refused ? details.getOrDefault(Details.REASON, event.getError()) : null,
                event.getIpAddress(), null, null);
    }

    private static ActivityEntry ofCall(AdminEvent event) {
        return new ActivityEntry(Instant.ofEpochMilli(event.getTime()), ActivityEntry.API, null, null,
                event.getError(), event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress(),
                event.getOperationType() == null ? null : event.getOperationType().name(), event.getResourcePath());
    }
}
