package io.github.serviceaccounts.accounts;

/**
 * How a service account is recorded on its Keycloak client, besides its row in the registry ({@link AccountEntity}).
 * Nothing outside this package knows it.
 */
final class AccountLayout {

    /**
     * Client attribute: the owning project's id, as a realm export carries it. Only a realm import reads it (to register
     * the accounts it brings); at run time the registry says who owns an account.
     */
    static final String PROJECT = "iam.project";
    /** Client attribute: the account's description, up to 500 characters (the client's own column holds 255). */
    static final String DESCRIPTION = "iam.description";
    /** Client attribute: the longest lifetime of the account's client assertions, in seconds. */
    static final String ASSERTION_LIFETIME = "iam.assertion.max.lifetime";
    /** Prefix of every service account's client id, so they stand out in the admin console's Clients list. */
    static final String CLIENT_ID_PREFIX = "sa-";

    private AccountLayout() {
    }
}
