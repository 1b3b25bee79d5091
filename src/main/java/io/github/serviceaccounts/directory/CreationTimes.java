package io.github.serviceaccounts.directory;

import java.time.Instant;
import org.keycloak.models.GroupModel;

/** When a group made by an earlier version of the extension was created, as far as Keycloak knows. */
final class CreationTimes {

    private CreationTimes() {
    }

    /**
     * Keycloak records a group's creation time only since 26.6 ({@code GroupModel.getCreatedTimestamp()}); on older
     * servers the method does not exist and the time of this start is the best there is.
     */
    static Instant of(GroupModel group) {
        try {
            Long created = group.getCreatedTimestamp();
            return created == null ? Instant.now() : Instant.ofEpochMilli(created);
        } catch (NoSuchMethodError | AbstractMethodError olderKeycloak) {
            return Instant.now();
        }
    }
}
