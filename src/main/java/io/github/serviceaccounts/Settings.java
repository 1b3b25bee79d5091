package io.github.serviceaccounts;

import org.keycloak.Config;

/**
 * Server-wide settings, given as SPI options of the REST provider, e.g.
 * {@code --spi-admin-realm-restapi-extension--iam--email-domain=sa.example.com}.
 *
 * @param emailDomain the domain of service accounts' email-shaped identifiers ({@code <clientId>@<domain>})
 */
public record Settings(String emailDomain) {

    public static final String DEFAULT_EMAIL_DOMAIN = "serviceaccounts.invalid";

    public static Settings from(Config.Scope config) {
        return new Settings(config.get("emailDomain", DEFAULT_EMAIL_DOMAIN));
    }
}
