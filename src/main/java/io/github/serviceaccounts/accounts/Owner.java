package io.github.serviceaccounts.accounts;

/** Who controls a service account: its name and its owning project and organization, for member lists. */
public record Owner(String accountId, String name, String projectId, String projectName, String organizationId,
        String organizationName) {
}
