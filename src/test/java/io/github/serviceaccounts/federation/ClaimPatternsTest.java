package io.github.serviceaccounts.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class ClaimPatternsTest {

    private static JsonNode payload(String json) throws Exception {
        return JsonSerialization.mapper.readTree(json);
    }

    private static ClaimPatterns patterns(Map<String, String> texts) {
        Map<String, WildcardPattern> patterns = new java.util.HashMap<>();
        texts.forEach((name, text) -> patterns.put(name, new WildcardPattern(text)));
        return new ClaimPatterns(patterns);
    }

    @Test
    void everyClaimMustMatch() throws Exception {
        ClaimPatterns claims = patterns(Map.of("repository", "acme/*", "ref", "refs/heads/main"));

        assertThat(claims.firstMismatch(payload("{\"repository\":\"acme/web\",\"ref\":\"refs/heads/main\"}")))
                .isEmpty();
        assertThat(claims.firstMismatch(payload("{\"repository\":\"acme/web\",\"ref\":\"refs/heads/dev\"}")))
                .contains("ref");
        assertThat(claims.firstMismatch(payload("{\"repository\":\"acme/web\"}"))).contains("ref");
    }

    @Test
    void anArrayMatchesWhenOneElementDoesAndObjectsNever() throws Exception {
        ClaimPatterns claims = patterns(Map.of("groups", "deploy*"));

        assertThat(claims.firstMismatch(payload("{\"groups\":[\"build\",\"deployers\"]}"))).isEmpty();
        assertThat(claims.firstMismatch(payload("{\"groups\":[\"build\",[\"deployers\"]]}"))).contains("groups");
        assertThat(claims.firstMismatch(payload("{\"groups\":{\"deployers\":true}}"))).contains("groups");
        assertThat(claims.firstMismatch(payload("{\"groups\":null}"))).contains("groups");
    }

    @Test
    void numbersAndBooleansMatchByTheirText() throws Exception {
        assertThat(patterns(Map.of("run_attempt", "1")).firstMismatch(payload("{\"run_attempt\":1}"))).isEmpty();
        assertThat(patterns(Map.of("protected", "true")).firstMismatch(payload("{\"protected\":true}"))).isEmpty();
    }

    @Test
    void storedAsJsonAndReadBackTheSame() {
        ClaimPatterns claims = patterns(Map.of("b", "2*", "a", "1"));

        assertThat(ClaimPatterns.fromJson(claims.json())).isEqualTo(claims);
        assertThat(claims.json()).isEqualTo("{\"a\":\"1\",\"b\":\"2*\"}");
    }
}
