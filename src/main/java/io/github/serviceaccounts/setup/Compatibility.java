package io.github.serviceaccounts.setup;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.common.Version;

/**
 * Which Keycloak versions the extension supports, and whether the running one offers what it needs. The extension
 * reads some of Keycloak's internal JPA entities in its queries and takes over its signed-JWT authenticator; a version
 * that changed those cannot run it, and then the extension stands aside (its API answers 503, its authenticator
 * leaves every client to Keycloak's own) instead of failing request by request.
 */
public final class Compatibility {

    public static final String SUPPORTED = "26.4 to 26.7";
    private static final int MAJOR = 26;
    private static final int FIRST_MINOR = 4;
    private static final int LAST_MINOR = 7;
    /** The entity fields the extension's queries name, by entity class. */
    private static final Map<String, List<String>> ENTITY_FIELDS = Map.of(
            "org.keycloak.models.jpa.entities.GroupEntity", List.of("id", "name", "parentId", "realm"),
            "org.keycloak.models.jpa.entities.GroupAttributeEntity", List.of("id", "group", "name", "value"),
            "org.keycloak.models.jpa.entities.UserGroupMembershipEntity", List.of("user", "groupId"),
            "org.keycloak.models.jpa.entities.UserEntity",
            List.of("id", "username", "email", "enabled", "serviceAccountClientLink"),
            "org.keycloak.models.jpa.entities.ClientEntity",
            List.of("id", "clientId", "name", "enabled", "realmId", "clientAuthenticatorType"),
            "org.keycloak.models.jpa.entities.ClientAttributeEntity", List.of("client", "name", "value"));

    private static final Compatibility CURRENT = new Compatibility(Version.VERSION, missingApis());

    private final String version;
    private final List<String> missing;

    Compatibility(String version, List<String> missing) {
        this.version = version;
        this.missing = List.copyOf(missing);
    }

    /** This server's Keycloak. */
    public static Compatibility current() {
        return CURRENT;
    }

    public String version() {
        return version;
    }

    /** Whether the version is one the extension is tested on. */
    public boolean supported() {
        return isSupported(version);
    }

    /** Whether the extension can work here: everything it uses of Keycloak's internals is present. */
    public boolean works() {
        return missing.isEmpty();
    }

    public List<String> missing() {
        return missing;
    }

    /** What the API answers where the extension cannot work. */
    public String unavailableReason() {
        return "The service-accounts extension does not work on Keycloak " + version + "; it supports Keycloak "
                + SUPPORTED;
    }

    static boolean isSupported(String version) {
        String[] parts = version == null ? new String[0] : version.split("[.-]");
        try {
            return parts.length >= 2 && Integer.parseInt(parts[0]) == MAJOR
                    && Integer.parseInt(parts[1]) >= FIRST_MINOR && Integer.parseInt(parts[1]) <= LAST_MINOR;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> missingApis() {
        List<String> missing = new ArrayList<>();
        ENTITY_FIELDS.forEach((entity, fields) -> fields.forEach(field -> {
            if (!hasField(entity, field)) {
                missing.add(entity.substring(entity.lastIndexOf('.') + 1) + "." + field);
            }
        }));
        try {
            JWTClientAuthenticator.class.getMethod("authenticateClient", ClientAuthenticationFlowContext.class);
        } catch (NoSuchMethodException e) {
            missing.add("JWTClientAuthenticator.authenticateClient");
        }
        return missing;
    }

    private static boolean hasField(String className, String field) {
        try {
            for (Class<?> type = Class.forName(className); type != null; type = type.getSuperclass()) {
                for (Field declared : type.getDeclaredFields()) {
                    if (declared.getName().equals(field)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
