package io.github.serviceaccounts.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.Settings;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;

/**
 * {@code POST /realms/{realm}/iam/key-exposures}: whoever holds a leaked key file (a secret scanner, a person who
 * found one) posts it here, with no account. The answer is the same {@code 202} whatever the body held, so the
 * address tells nobody whether a key exists; a matching key is disabled at once (see {@link KeyExposures}).
 */
@Produces(MediaType.APPLICATION_JSON)
public final class ExposureResource {

    static final int MAX_BYTES = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(ExposureResource.class);
    private static final Map<String, String> RECEIVED = Map.of("status", "received", "message",
            "If this is the key file of a service-account key of this realm, that key is now disabled.");

    private final KeycloakSession session;
    private final Settings settings;

    ExposureResource(KeycloakSession session, Settings settings) {
        this.session = session;
        this.settings = settings;
    }

    @POST
    @Path("key-exposures")
    public Response report(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        } catch (IOException unreadable) {
            bytes = new byte[0];
        }
        if (bytes.length > MAX_BYTES) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).entity(Map.of("error",
                    "request_too_large", "error_description", "A key file is at most " + MAX_BYTES + " bytes")).build();
        }
        String address = session.getContext().getConnection().getRemoteAddr();
        if (!ExposureRateLimit.allows(address, Time.currentTimeMillis())) {
            return Response.status(429).header("Retry-After", "60").entity(Map.of("error", "too_many_requests",
                    "error_description", "Too many reports from this address; try again in a minute")).build();
        }
        try {
            JsonNode keyFile = JsonSerialization.mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
            new KeyExposures(session, session.getContext().getRealm(), settings).report(keyFile)
                    .ifPresent(disabled -> ExposureEvent.record(session, disabled, address));
        } catch (IOException | RuntimeException garbage) {
            LOG.debugf("service-accounts: a key-exposure report was not a key file: %s", garbage.getMessage());
        }
        return Response.accepted(RECEIVED).build();
    }
}
