package io.github.serviceaccounts.auth;

/** The client authenticator of service accounts: signed JWT client assertions verified against the account's keys. */
public final class KeyPairClientAuthenticatorFactory {

    public static final String PROVIDER_ID = "service-account-key";
}
