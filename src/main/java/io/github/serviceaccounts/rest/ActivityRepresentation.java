package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.activity.ActivityEntry;

/**
 * One entry of an account's activity (SPEC §7): {@code type} is {@code token}, {@code token_refused} or {@code api};
 * fields that do not apply to the type are null.
 */
public record ActivityRepresentation(String time, String type, String keyId, String credentialId, String reason,
        String ipAddress, String operation, String resourcePath) {

    static ActivityRepresentation of(ActivityEntry entry) {
        return new ActivityRepresentation(Instants.text(entry.time()), entry.type(), entry.keyId(),
                entry.credentialId(), entry.reason(), entry.ipAddress(), entry.operation(), entry.resourcePath());
    }
}
