package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.Config;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.ClientAuthenticatorFactory;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * The client authenticator of service accounts: {@code private_key_jwt} client assertions verified against the
 * account's own stored keys. It also holds the extension's server-wide settings
 * ({@code --spi-client-authenticator--service-account-key--<option>}, see {@link Settings}).
 */
public final class KeyPairClientAuthenticatorFactory implements ClientAuthenticatorFactory {

    public static final String PROVIDER_ID = "service-account-key";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED};

    private Settings settings = Settings.defaults();

    /** The settings of a running server. */
    public static Settings settings(KeycloakSession session) {
        return ((KeyPairClientAuthenticatorFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(ClientAuthenticator.class, PROVIDER_ID)).settings;
    }

    @Override
    public ClientAuthenticator create() {
        return new KeyPairClientAuthenticator(settings);
    }

    @Override
    public ClientAuthenticator create(KeycloakSession session) {
        return create();
    }

    @Override
    public void init(Config.Scope config) {
        settings = Settings.from(config);
    }

    /** Puts the authenticator into every realm's client-authentication flow: existing realms at start, new ones at birth. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory,
                        session -> session.realms().getRealmsStream().forEach(ClientFlowSetup::ensure));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ClientFlowSetup.ensure(created.getCreatedRealm());
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Service account key (signed JWT)";
    }

    @Override
    public String getHelpText() {
        return "Authenticates a service account by a JWT signed with one of its keys (private_key_jwt), verified against"
                + " the public keys stored for the account by the service-accounts extension";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    /** Shown on a service account's Credentials tab in the admin console, kept as a client attribute. */
    @Override
    public List<ProviderConfigProperty> getConfigPropertiesPerClient() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(AssertionLifetime.ATTRIBUTE)
                .label("Longest assertion lifetime (seconds)")
                .helpText("How long after its iat (or, without iat, after now) a client assertion of this account may"
                        + " expire: from 1 to 600 seconds. Shorter is safer for accounts whose clients sign each request.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(AssertionLifetime.MAX_SECONDS))
                .add()
                .build();
    }

    @Override
    public Map<String, Object> getAdapterConfiguration(KeycloakSession session, ClientModel client) {
        return Map.of();
    }

    @Override
    public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
        return OIDCLoginProtocol.LOGIN_PROTOCOL.equals(loginProtocol) ? Set.of(OIDCLoginProtocol.PRIVATE_KEY_JWT)
                : Set.of();
    }

    /**
     * Dynamic client registration asks for {@code private_key_jwt} by name and may land here: such clients get
     * Keycloak's own signed-JWT authenticator, since only the extension creates service accounts.
     */
    @Override
    public void setClientAuthenticationMethod(ClientRepresentation client, String protocolAuthMethod) {
        client.setClientAuthenticatorType(JWTClientAuthenticator.PROVIDER_ID);
    }
}
