package io.github.serviceaccounts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to the server under test over HTTP, as any client of Keycloak does. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private String adminToken;
    private Instant adminTokenExpiry = Instant.MIN;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A token of the master realm's bootstrap administrator (renewed before it expires). */
    public synchronized String adminToken() {
        if (Instant.now().isAfter(adminTokenExpiry)) {
            Response answer = passwordGrant("master", KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
            adminToken = answer.json().get("access_token").asText();
            adminTokenExpiry = Instant.now().plusSeconds(answer.json().get("expires_in").asLong() - 15);
        }
        return adminToken;
    }

    /** A user's access token from the realm's {@code admin-cli} client (password grant). */
    public String userToken(String realm, String username, String password) {
        Response answer = passwordGrant(realm, username, password);
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer);
        }
        return answer.json().get("access_token").asText();
    }

    private Response passwordGrant(String realm, String username, String password) {
        return form("/realms/" + realm + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", username, "password", password));
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** POSTs a JSON body: a String is sent as it is, anything else is serialized. */
    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    /** POSTs an {@code application/x-www-form-urlencoded} body, as OAuth clients do. */
    public Response form(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(answer.statusCode(), answer.body(), answer.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : Json.write(body));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
