package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.keys.KeyAlgorithm;
import io.github.serviceaccounts.keys.KeyFile;
import io.github.serviceaccounts.keys.Keys;
import io.github.serviceaccounts.keys.PublicKeys;
import io.github.serviceaccounts.keys.ServiceAccountKey;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;

/** {@code /service-accounts/{saId}/keys}: the account's public keys, at most the server's key limit (10). */
@Produces(MediaType.APPLICATION_JSON)
public final class KeysResource {

    static final String CSV = "text/csv";
    /** A key file holds the only copy of a private key: no cache keeps it. */
    private static final String NO_STORE = "no-store";
    private static final Set<String> NEW_KEY = Set.of("algorithm", "expiresAt", "publicKey", "jwk");
    private static final Set<String> CHANGE = Set.of("enabled", "disabledReason");

    private final io.github.serviceaccounts.rest.Context context;
    private final Guard guard;
    private final String accountId;

    KeysResource(io.github.serviceaccounts.rest.Context context, ServiceAccount account) {
        this.context = context;
        this.guard = context.guard();
        this.accountId = account.id();
    }

    @GET
    public List<KeyRepresentation> list() {
        ServiceAccount account = guard.account(accountId, Action.READ);
        return keys().of(account.id()).stream().map(KeyRepresentation::of).toList();
    }

    /**
     * Generates a key pair ({@code {"algorithm": "ES256"}}; RS256 by default) and answers its key file this once, as
     * JSON or, with {@code Accept: text/csv}, as CSV. With {@code publicKey} (PEM) or {@code jwk} it registers a public
     * key made elsewhere instead, and there is no key file.
     */
    @POST
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response create(String body, @Context HttpHeaders headers) {
        ServiceAccount account = guard.account(accountId, Action.MANAGE_SERVICE_ACCOUNTS);
        Body json = context.body(body, NEW_KEY);
        lockWithoutEscalation(account);
        KeyAlgorithm algorithm = algorithm(json.text("algorithm"));
        Instant expiresAt = instant("expiresAt", json.text("expiresAt"));
        String creator = guard.user().getId();
        if (json.has("publicKey") && json.has("jwk")) {
            throw Problems.invalidBody("Give publicKey or jwk, not both");
        }
        if (json.has("publicKey") || json.has("jwk")) {
            PublicKeys.Uploaded uploaded = json.has("publicKey")
                    ? PublicKeys.fromPem("publicKey", json.text("publicKey"))
                    : PublicKeys.fromJwk("jwk", json.node("jwk"));
            String field = json.has("publicKey") ? "publicKey" : "jwk";
            KeyRepresentation key = KeyRepresentation.of(
                    keys().register(account.id(), uploaded, field, algorithm, expiresAt, creator));
            record(OperationType.CREATE, key);
            return context.created(location(key), key);
        }
        Keys.Generated generated = keys().generate(account.id(), algorithm == null ? KeyAlgorithm.RS256 : algorithm,
                expiresAt, creator);
        KeyRepresentation key = KeyRepresentation.of(generated.key());
        KeyFile file = KeyFile.of(context.realm().getName(), account.clientId(), key.id(), generated.key().algorithm(),
                generated.pair().getPrivate(), tokenUri());
        record(OperationType.CREATE, key);
        if (wantsCsv(headers)) {
            return Response.created(location(key)).type(CSV).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                    .header("Content-Disposition", "attachment; filename=\"" + account.clientId() + "-" + key.id() + ".csv\"")
                    .entity(file.csv()).build();
        }
        return Response.created(location(key)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).entity(new GeneratedKeyRepresentation(key, file))
                .build();
    }

    @GET
    @Path("{keyId}")
    public KeyRepresentation get(@PathParam("keyId") String keyId) {
        ServiceAccount account = guard.account(accountId, Action.READ);
        return KeyRepresentation.of(existing(account, keyId));
    }

    /**
     * Disables the key, for a reason ({@code user} unless told {@code rotated} or {@code exposed}), or enables it; a
     * disabled key authenticates nothing, and the tokens it got before stop working.
     */
    @PUT
    @Path("{keyId}")
    public KeyRepresentation update(@PathParam("keyId") String keyId, String body) {
        ServiceAccount account = guard.account(accountId, Action.MANAGE_SERVICE_ACCOUNTS);
        Body json = context.body(body, CHANGE);
        Boolean enabled = json.bool("enabled");
        if (enabled == null) {
            throw Problems.invalid("enabled", "is required");
        }
        String reason = json.text("disabledReason");
        if (reason != null && (enabled || !ServiceAccountKey.DISABLE_REASONS.contains(reason))) {
            throw Problems.invalid("disabledReason", enabled ? "is only for disabling a key"
                    : "must be one of " + String.join(", ", ServiceAccountKey.DISABLE_REASONS));
        }
        if (enabled) {
            lockWithoutEscalation(account);
        } else {
            context.lock(account);
        }
        ServiceAccountKey key = existing(account, keyId);
        KeyRepresentation updated = KeyRepresentation.of(keys().setEnabled(key, enabled,
                reason == null ? ServiceAccountKey.DISABLE_REASONS.get(0) : reason));
        if (!enabled) {
            context.accounts().revokeTokens(account);
        }
        record(OperationType.UPDATE, updated);
        return updated;
    }

    @DELETE
    @Path("{keyId}")
    public Response delete(@PathParam("keyId") String keyId) {
        ServiceAccount account = guard.account(accountId, Action.MANAGE_SERVICE_ACCOUNTS);
        context.lock(account);
        ServiceAccountKey key = existing(account, keyId);
        keys().delete(key);
        context.accounts().revokeTokens(account);
        record(OperationType.DELETE, KeyRepresentation.of(key));
        return Response.noContent().build();
    }

    /** Making a key usable hands the account's roles to its holder: only for callers who reach them (SPEC §2). */
    private void lockWithoutEscalation(ServiceAccount account) {
        context.lock(account);
        guard.requireNoEscalation(account);
    }

    private Keys keys() {
        return context.keys();
    }

    private ServiceAccountKey existing(ServiceAccount account, String keyId) {
        return keys().find(account.id(), keyId).orElseThrow(Problems::notFound);
    }

    private URI location(KeyRepresentation key) {
        return context.iamUri("service-accounts", accountId, "keys", key.id());
    }

    private String tokenUri() {
        return OIDCLoginProtocolService.tokenUrl(context.session().getContext().getUri().getBaseUriBuilder())
                .build(context.realm().getName()).toString();
    }

    private void record(OperationType operation, KeyRepresentation key) {
        context.events().record(operation, key, "service-accounts", accountId, "keys", key.id());
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf(CSV))
                && !accepted.get(0).isWildcardType();
    }

    private static KeyAlgorithm algorithm(String name) {
        if (name == null) {
            return null;
        }
        return KeyAlgorithm.fromJwsName(name).orElseThrow(() ->
                Problems.invalid("algorithm", "must be one of RS256, PS256, ES256, EdDSA"));
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        }
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback otherMethodsOfList() {
        return Fallback.methodNotAllowed();
    }

    @Path("{keyId}")
    public Fallback otherMethodsOfOne() {
        return Fallback.methodNotAllowed();
    }

    @Path("{keyId}/{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
