package io.github.serviceaccounts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PrivateKey;
import java.util.Map;

/**
 * A service account as a program uses it: its key file, turned into tokens at the realm's token endpoint.
 * {@code audience} is the token endpoint as the key file names it; requests go to {@code api}'s server.
 */
public record ServiceAccountClient(Api api, String realm, String clientId, String keyId, String algorithm,
        PrivateKey privateKey, String audience) {

    public static ServiceAccountClient of(Api api, JsonNode keyFile) {
        return new ServiceAccountClient(api, keyFile.get("realm").asText(), keyFile.get("clientId").asText(),
                keyFile.get("keyId").asText(), keyFile.get("algorithm").asText(), KeyMaterial.privateKey(keyFile),
                keyFile.get("tokenUri").asText());
    }

    /** A client whose key was made elsewhere; the audience is the server's own token endpoint. */
    public static ServiceAccountClient of(Api api, String realm, String clientId, String keyId, String algorithm,
            PrivateKey privateKey) {
        return new ServiceAccountClient(api, realm, clientId, keyId, algorithm, privateKey,
                api.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token");
    }

    /** The same account, talking to another server (another node of a cluster). */
    public ServiceAccountClient via(Api other) {
        return new ServiceAccountClient(other, realm, clientId, keyId, algorithm, privateKey, audience);
    }

    public String tokenPath() {
        return "/realms/" + realm + "/protocol/openid-connect/token";
    }

    public String tokenEndpoint() {
        return audience;
    }

    /** A correct assertion: the key's algorithm and id, iss = sub = client id, aud = the token endpoint. */
    public String assertion() {
        return ClientAssertions.sign(ClientAssertions.header(algorithm, keyId),
                ClientAssertions.claims(clientId, audience), privateKey, algorithm);
    }

    /** The client-credentials grant with this assertion. */
    public Response tokenRequest(String assertion) {
        return api.form(tokenPath(), Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
    }

    public Response tokenRequest() {
        return tokenRequest(assertion());
    }

    /** An access token, or a failed assertion if there is none. */
    public String token() {
        Response answer = tokenRequest();
        if (answer.status() != 200) {
            throw new AssertionError("No token for " + clientId + ": " + answer);
        }
        return answer.json().get("access_token").asText();
    }
}
