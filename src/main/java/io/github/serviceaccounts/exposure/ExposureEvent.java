package io.github.serviceaccounts.exposure;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The admin event of a key disabled as exposed: an update of {@code iam/service-accounts/<id>/keys/<keyId>} made by
 * nobody signed in (no user, no client), from the reporter's address. Stored and sent to the realm's listeners as
 * Keycloak's own admin events are.
 */
final class ExposureEvent {

    private ExposureEvent() {
    }

    static void record(KeycloakSession session, KeyExposures.Disabled disabled, String address) {
        RealmModel realm = session.getContext().getRealm();
        AuthDetails who = new AuthDetails();
        who.setRealmId(realm.getId());
        who.setRealmName(realm.getName());
        who.setIpAddress(address);
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(Time.currentTimeMillis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setAuthDetails(who);
        event.setOperationType(OperationType.UPDATE);
        event.setResourceType(ResourceType.CUSTOM);
        event.setResourcePath("iam/service-accounts/" + disabled.account().id() + "/keys/" + disabled.key().id());
        event.setRepresentation(representation(disabled));
        boolean details = realm.isAdminEventsDetailsEnabled();
        if (realm.isAdminEventsEnabled()) {
            session.getProvider(EventStoreProvider.class).onEvent(event, details);
        }
        realm.getEventsListenersStream().map(id -> session.getProvider(EventListenerProvider.class, id))
                .filter(java.util.Objects::nonNull).forEach(listener -> listener.onEvent(event, details));
    }

    private static String representation(KeyExposures.Disabled disabled) {
        try {
            return JsonSerialization.writeValueAsString(Map.of("id", disabled.key().id(), "enabled", false,
                    "disabledReason", disabled.key().disabledReason(), "disabledAt",
                    disabled.key().disabledAt().toString(), "fingerprint", disabled.key().fingerprint()));
        } catch (IOException e) {
            return null;
        }
    }
}
