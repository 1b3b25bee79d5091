package io.github.serviceaccounts.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect issuer shaped like a Kubernetes API server: it publishes a discovery document and a JWKS on
 * localhost and signs tokens shaped like projected service-account tokens. Its key can rotate and it can go down
 * (every request answered 503); it counts the JWKS requests it got, answered or not.
 */
public final class TestIssuer implements AutoCloseable {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile SigningKey current;
    private volatile List<SigningKey> published;
    private volatile boolean down;

    /** An RSA key of the issuer and the {@code kid} it is published under. */
    public record SigningKey(String kid, KeyPair pair) {
    }

    private TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        current = newKey();
        published = List.of(current);
        server.start();
    }

    public static TestIssuer start() {
        return new TestIssuer();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public String jwksUrl() {
        return url() + "/openid/v1/jwks";
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    public SigningKey currentKey() {
        return current;
    }

    /** Signs with a new key from now on and publishes only that one, as an issuer that rotated its key. */
    public SigningKey rotate() {
        current = newKey();
        published = List.of(current);
        return current;
    }

    /** While down, every request gets 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** The claims of a projected service-account token of {@code namespace/name} for the audience, valid 10 minutes. */
    public Map<String, Object> podClaims(String namespace, String name, String audience) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", List.of(audience));
        claims.put("exp", now + 600);
        claims.put("iat", now);
        claims.put("iss", url());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("kubernetes.io", Map.of("namespace", namespace,
                "pod", Map.of("name", name + "-7d9f8", "uid", UUID.randomUUID().toString()),
                "serviceaccount", Map.of("name", name, "uid", UUID.randomUUID().toString())));
        claims.put("nbf", now);
        claims.put("sub", "system:serviceaccount:" + namespace + ":" + name);
        return claims;
    }

    /** The claims signed with the current key, RS256. */
    public String sign(Map<String, Object> claims) {
        return sign(ClientAssertions.header("RS256", current.kid()), claims, current);
    }

    public String sign(Map<String, Object> header, Map<String, Object> claims, SigningKey key) {
        return ClientAssertions.sign(header, claims, key.pair().getPrivate(), "RS256");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        if (path.equals("/openid/v1/jwks")) {
            jwksRequests.incrementAndGet();
        }
        if (down) {
            send(exchange, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        if (path.equals("/.well-known/openid-configuration")) {
            body = Json.write(Map.of("issuer", url(), "jwks_uri", jwksUrl(),
                    "response_types_supported", List.of("id_token"), "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256")));
        } else if (path.equals("/openid/v1/jwks")) {
            body = Json.write(Map.of("keys", published.stream().map(TestIssuer::jwk).toList()));
        } else {
            send(exchange, 404, "{}");
            return;
        }
        send(exchange, 200, body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, Object> jwk(SigningKey key) {
        RSAPublicKey rsa = (RSAPublicKey) key.pair().getPublic();
        return Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", key.kid(),
                "n", URL.encodeToString(unsigned(rsa.getModulus().toByteArray())),
                "e", URL.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static SigningKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(UUID.randomUUID().toString(), generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
