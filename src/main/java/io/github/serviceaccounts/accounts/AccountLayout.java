package io.github.serviceaccounts.accounts;

/** How a service account is recorded on its Keycloak client. Nothing outside this package knows it. */
final class AccountLayout {

    /** Client attribute: the owning project's id. Its presence marks a client as a service account. */
    static final String PROJECT = "iam.project";
    /** Client attribute: the account's description, up to 500 characters (the client's own column holds 255). */
    static final String DESCRIPTION = "iam.description";
    /** Prefix of every service account's client id, so they stand out in the admin console's Clients list. */
    static final String CLIENT_ID_PREFIX = "sa-";

    private AccountLayout() {
    }
}
