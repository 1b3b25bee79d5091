package io.github.serviceaccounts.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Introspector;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Disable reasons on keys, and the leak address: a key file posted by anyone disables its key (reason {@code exposed})
 * and revokes its tokens, while anything else changes nothing, and every report gets the same answer.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyHygieneIT {

    private Scenario s;
    private Api api;
    private Introspector introspector;
    private int accounts;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        s = Scenario.create(api);
        introspector = Introspector.create(s.realm());
    }

    private TestAccount account() {
        return TestAccount.create(s.realm(), s.website(), "hygiene-" + ++accounts);
    }

    private String exposures() {
        return "/realms/" + s.realm().name() + "/iam/key-exposures";
    }

    private Response report(String body) {
        return api.send(api.request(exposures(), null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode key(TestAccount account, String keyId) {
        return api.get(account.path("/keys/" + keyId), api.adminToken()).json();
    }

    @Test
    @Order(1)
    void aKeyIsDisabledWithAReasonAndEnablingForgetsIt() {
        TestAccount account = account();
        String keyId = s.realm().generateKey(account.id(), "ES256").get("keyId").asText();
        String developer = s.token(s.developer());

        Response rotated = api.put(account.path("/keys/" + keyId), developer,
                Map.of("enabled", false, "disabledReason", "rotated"));
        assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
        assertThat(rotated.json().get("disabledReason").asText()).isEqualTo("rotated");
        assertThat(rotated.json().get("disabledAt").textValue()).isNotEmpty();

        JsonNode enabled = api.put(account.path("/keys/" + keyId), developer, Map.of("enabled", true)).json();
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(enabled.get("disabledAt").isNull()).isTrue();
        assertThat(api.put(account.path("/keys/" + keyId), developer, Map.of("enabled", false)).json()
                .get("disabledReason").asText()).isEqualTo("user");

        Response unknown = api.put(account.path("/keys/" + keyId), developer,
                Map.of("enabled", false, "disabledReason", "bored"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error_description").asText()).startsWith("disabledReason: must be one of");
        assertThat(api.put(account.path("/keys/" + keyId), developer,
                Map.of("enabled", true, "disabledReason", "user")).status()).isEqualTo(400);
        assertThat(key(account, keyId).get("enabled").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void aReportedKeyFileDisablesItsKeyAndItsTokensStop() throws InterruptedException {
        TestAccount account = account();
        JsonNode keyFile = s.realm().generateKey(account.id(), "RS256");
        ServiceAccountClient client = ServiceAccountClient.of(api, keyFile);
        String token = introspector.earlierToken(client);

        Response answer = report(keyFile.toString());

        assertThat(answer.status()).isEqualTo(202);
        JsonNode key = key(account, keyFile.get("keyId").asText());
        assertThat(key.get("enabled").asBoolean()).isFalse();
        assertThat(key.get("disabledReason").asText()).isEqualTo("exposed");
        assertThat(introspector.active(token)).isFalse();
        assertThat(client.tokenRequest().status()).isEqualTo(401);
        JsonNode event = s.realm().adminEvent("UPDATE", "iam/service-accounts/" + account.id() + "/keys/"
                + keyFile.get("keyId").asText());
        assertThat(event.at("/authDetails/userId").isMissingNode() || event.at("/authDetails/userId").isNull())
                .isTrue();
        assertThat(event.get("representation").asText()).contains("\"disabledReason\":\"exposed\"");
    }

    /** A key id without its private key, another key's private key, garbage: the same 202, and nothing changes. */
    @Test
    @Order(3)
    void anythingElseChangesNothingAndGetsTheSameAnswer() throws Exception {
        TestAccount account = account();
        JsonNode keyFile = s.realm().generateKey(account.id(), "ES256");
        JsonNode otherFile = s.realm().generateKey(account().id(), "ES256");
        String expected = report(keyFile.toString().replace(keyFile.get("clientId").asText(), "sa-nobody")).body();
        Map<String, Object> borrowed = Json.MAPPER.convertValue(keyFile, Map.class);
        borrowed.put("privateKey", otherFile.get("privateKey").asText());
        Map<String, Object> noKey = new HashMap<>(borrowed);
        noKey.remove("privateKey");

        for (String body : List.of(Json.write(borrowed), Json.write(noKey), "{}", "[]", "not json", "",
                "{\"privateKey\": 3, \"keyId\": [], \"clientId\": {}}", "\u0000\u0001")) {
            Response answer = report(body);
            assertThat(answer.status()).as(body).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(expected);
        }
        assertThat(key(account, keyFile.get("keyId").asText()).get("enabled").asBoolean()).isTrue();
        assertThat(report("{\"pad\":\"" + "x".repeat(20_000) + "\"}").status()).isEqualTo(413);
    }

    /** From 127.0.0.2, so the address every other test posts from keeps its budget. */
    @Test
    @Order(4)
    void reportsFromOneAddressAreRateLimited() throws Exception {
        URI server = URI.create(api.baseUrl());
        int limited = 0;
        for (int i = 0; i < 45; i++) {
            String status = postFrom(InetAddress.getByName("127.0.0.2"), server, exposures(), "{}");
            assertThat(status).matches("HTTP/1.1 (202|429).*");
            if (status.contains(" 429")) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);
        assertThat(report("{}").status()).as("another address is not limited").isEqualTo(202);
    }

    /** One HTTP/1.1 request from a chosen local address; answers the status line. */
    private static String postFrom(InetAddress local, URI server, String path, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(server.getHost()), server.getPort(), local, 0)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":"
                    + server.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
