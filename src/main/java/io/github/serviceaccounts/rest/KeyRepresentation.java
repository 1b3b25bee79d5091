package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.keys.ServiceAccountKey;

/**
 * A key's metadata; never any private material. {@code createdBy} is the id of the user who added it;
 * {@code disabledReason} ({@code user}, {@code rotated}, {@code exposed}) and {@code disabledAt} are set while disabled.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KeyRepresentation(String id, String algorithm, String fingerprint, boolean enabled, String createdAt,
        String expiresAt, String lastUsedAt, String origin, String createdBy, String disabledReason,
        String disabledAt) {

    static KeyRepresentation of(ServiceAccountKey key) {
        return new KeyRepresentation(key.id(), key.algorithm().jwsName(), key.fingerprint(), key.enabled(),
                Instants.text(key.createdAt()), Instants.text(key.expiresAt()), Instants.text(key.lastUsedAt()),
                key.origin(), key.createdBy(), key.disabledReason(), Instants.text(key.disabledAt()));
    }
}
