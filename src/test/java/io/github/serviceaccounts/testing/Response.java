package io.github.serviceaccounts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An HTTP answer as a test sees it. */
public record Response(int status, String body, HttpHeaders headers) {

    public JsonNode json() {
        return Json.parse(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
