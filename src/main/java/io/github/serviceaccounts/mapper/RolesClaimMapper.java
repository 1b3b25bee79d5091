package io.github.serviceaccounts.mapper;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.directory.RoleReader;
import io.github.serviceaccounts.directory.Memberships;
import io.github.serviceaccounts.setup.Compatibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Writes the {@code organizations}, {@code projects} and {@code environments} claims: the user's or service account's
 * effective roles, read live when the token is issued, e.g. {@code "projects": {"<id>": "project.admin"}}.
 */
public final class RolesClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "iam-roles-mapper";
    public static final String ORGANIZATIONS = "organizations";
    public static final String PROJECTS = "projects";
    public static final String ENVIRONMENTS = "environments";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, RolesClaimMapper.class);
    }

    /** The mapper as a client or client scope carries it: in access tokens, introspection and userinfo. */
    public static ProtocolMapperModel model() {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName("organization and project roles");
        model.setProtocolMapper(PROVIDER_ID);
        model.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        model.setConfig(Map.of(
                OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "false"));
        return model;
    }

    public static boolean isOne(ProtocolMapperModel mapper) {
        return PROVIDER_ID.equals(mapper.getProtocolMapper());
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        if (!Compatibility.current().works()) {
            return;
        }
        Memberships effective = new RoleReader(session, userSession.getRealm()).effective(userSession.getUser());
        token.getOtherClaims().put(ORGANIZATIONS, ids(effective.organizations()));
        token.getOtherClaims().put(PROJECTS, ids(effective.projects()));
        token.getOtherClaims().put(ENVIRONMENTS, ids(effective.environments()));
    }

    private static Map<String, String> ids(Map<String, Role> roles) {
        Map<String, String> claim = new TreeMap<>();
        roles.forEach((id, role) -> claim.put(id, role.id()));
        return claim;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Organization and project roles";
    }

    @Override
    public String getHelpText() {
        return "Adds the organizations, projects and environments claims: the effective role of the user or service"
                + " account in each organization, project and environment it belongs to (organization.admin counts as"
                + " project.admin in its projects, project.admin as environment.admin in their environments)";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
