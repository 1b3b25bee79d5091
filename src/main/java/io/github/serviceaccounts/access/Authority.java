package io.github.serviceaccounts.access;

/** What a caller may do in the whole realm, from Keycloak's own realm-management roles. */
public enum Authority {
    /** {@code manage-users} of the realm, or an administrator of the master realm: may do everything. */
    REALM_ADMIN,
    /** {@code view-users} of the realm: may read everything. */
    REALM_VIEWER,
    /** Only what the caller's memberships allow. */
    MEMBER
}
