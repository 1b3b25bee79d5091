package io.github.serviceaccounts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A fresh realm of the server under test, with admin events on, and helpers to fill it through the APIs. */
public final class TestRealm {

    private final Api api;
    private final String name;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private record CachedToken(String token, Instant expiry) {
    }

    private TestRealm(Api api, String name) {
        this.api = api;
        this.name = name;
    }

    /** A realm made otherwise (with other settings than {@link #create}'s). */
    public static TestRealm named(Api api, String name) {
        return new TestRealm(api, name);
    }

    public static TestRealm create(Api api) {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = api.post("/admin/realms", api.adminToken(), Map.of("realm", name, "enabled", true,
                "adminEventsEnabled", true, "adminEventsDetailsEnabled", true, "eventsEnabled", true));
        assertThat(created.status()).as("create realm: %s", created).isEqualTo(201);
        return new TestRealm(api, name);
    }

    /** The same realm, reached through another server (another node of a cluster). */
    public TestRealm via(Api other) {
        return new TestRealm(other, name);
    }

    public String name() {
        return name;
    }

    public Api api() {
        return api;
    }

    /** The path of an extension resource, e.g. {@code iam("/organizations")}. */
    public String iam(String path) {
        return "/admin/realms/" + name + "/iam" + path;
    }

    public String admin(String path) {
        return "/admin/realms/" + name + path;
    }

    public TestUser user(String username) {
        String email = username + "@example.test";
        Response created = api.post(admin("/users"), api.adminToken(), Map.of("username", username, "email", email,
                "firstName", username, "lastName", "Test", "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false))));
        assertThat(created.status()).as("create user: %s", created).isEqualTo(201);
        String location = created.header("Location");
        return new TestUser(location.substring(location.lastIndexOf('/') + 1), username, email);
    }

    /** A current access token of the user (password grant), reused until shortly before it expires. */
    public String token(TestUser user) {
        CachedToken cached = tokens.get(user.username());
        if (cached == null || Instant.now().isAfter(cached.expiry())) {
            Response answer = api.form("/realms/" + name + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", user.username(),
                    "password", user.username()));
            assertThat(answer.status()).as("token for %s: %s", user.username(), answer).isEqualTo(200);
            cached = new CachedToken(answer.json().get("access_token").asText(),
                    Instant.now().plusSeconds(answer.json().get("expires_in").asLong() - 20));
            tokens.put(user.username(), cached);
        }
        return cached.token();
    }

    /** Gives the user one of the realm's {@code realm-management} roles, e.g. {@code view-users}. */
    public void grantRealmManagement(TestUser user, String role) {
        String clientId = api.get(admin("/clients?clientId=realm-management"), api.adminToken()).json().get(0)
                .get("id").asText();
        JsonNode roleRep = api.get(admin("/clients/" + clientId + "/roles/" + role), api.adminToken()).json();
        Response granted = api.post(admin("/users/" + user.id() + "/role-mappings/clients/" + clientId),
                api.adminToken(), List.of(roleRep));
        assertThat(granted.status()).as("grant %s: %s", role, granted).isEqualTo(204);
    }

    /** The realm's admin events whose resource path matches, e.g. {@code iam/projects/*}; newest first. */
    public List<JsonNode> adminEvents(String resourcePath) {
        JsonNode events = api.get(admin("/admin-events?max=1000&resourcePath=" + resourcePath), api.adminToken()).json();
        List<JsonNode> found = new ArrayList<>();
        events.forEach(found::add);
        return found;
    }

    /** The one admin event of this operation on exactly this resource path, e.g. {@code iam/organizations/<id>}. */
    public JsonNode adminEvent(String operation, String resourcePath) {
        return adminEvents(resourcePath).stream()
                .filter(e -> e.get("operationType").asText().equals(operation))
                .findFirst().orElseThrow(() -> new AssertionError("No " + operation + " admin event for " + resourcePath));
    }

    public JsonNode createOrganization(String organizationName) {
        return created(api.post(iam("/organizations"), api.adminToken(), Map.of("name", organizationName)));
    }

    public JsonNode createProject(String organizationId, String projectName) {
        return created(api.post(iam("/organizations/" + organizationId + "/projects"), api.adminToken(),
                Map.of("name", projectName)));
    }

    public JsonNode createEnvironment(String projectId, String environmentName) {
        return created(api.post(iam("/projects/" + projectId + "/environments"), api.adminToken(),
                Map.of("name", environmentName)));
    }

    public JsonNode createServiceAccount(String projectId, String accountName) {
        return created(api.post(iam("/projects/" + projectId + "/service-accounts"), api.adminToken(),
                Map.of("name", accountName)));
    }

    /** Generates a key for the account as the realm's administrator and answers the key file. */
    public JsonNode generateKey(String accountId, String algorithm) {
        return created(api.post(iam("/service-accounts/" + accountId + "/keys"), api.adminToken(),
                Map.of("algorithm", algorithm))).get("keyFile");
    }

    /** Adds a member as the realm's administrator; {@code unitPath} is e.g. {@code /projects/<id>}. */
    public JsonNode addMember(String unitPath, TestUser user, String role) {
        return created(api.post(iam(unitPath + "/members"), api.adminToken(), Map.of("userId", user.id(), "role", role)));
    }

    private static JsonNode created(Response answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }
}
