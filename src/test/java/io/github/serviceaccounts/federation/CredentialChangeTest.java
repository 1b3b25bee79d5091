package io.github.serviceaccounts.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which changes need the no-escalation check (they let tokens in) and which revoke tokens (they shut tokens out). */
class CredentialChangeTest {

    private static final FederatedCredential ENABLED = credential(true);
    private static final FederatedCredential DISABLED = credential(false);

    private static FederatedCredential credential(boolean enabled) {
        return new FederatedCredential("id", "client", "name", "https://issuer", "oidc", new WildcardPattern("repo:a/*"),
                "https://aud", new ClaimPatterns(Map.of("ref", new WildcardPattern("main"))), enabled, Instant.EPOCH,
                "someone", null, null);
    }

    private static FederatedCredentials.Change change(String name, String subject, String audience, Boolean enabled,
            Instant expiresAt) {
        return new FederatedCredentials.Change(name, subject == null ? null : new WildcardPattern(subject), audience,
                null, enabled, expiresAt, false);
    }

    @Test
    void renamingOrDisablingNeverWidens() {
        assertThat(change("other", null, null, null, null).widens(ENABLED)).isFalse();
        assertThat(change(null, null, null, false, null).widens(ENABLED)).isFalse();
        assertThat(change(null, "repo:a/*", "https://aud", true, null).widens(ENABLED)).isFalse();
    }

    @Test
    void enablingRepatterningOrExtendingWidens() {
        assertThat(change(null, null, null, true, null).widens(DISABLED)).isTrue();
        assertThat(change(null, "repo:*", null, null, null).widens(ENABLED)).isTrue();
        assertThat(change(null, null, "https://other", null, null).widens(ENABLED)).isTrue();
        assertThat(change(null, null, null, null, Instant.parse("2099-01-01T00:00:00Z")).widens(ENABLED)).isTrue();
        assertThat(new FederatedCredentials.Change(null, null, null, ClaimPatterns.none(), null, null, false)
                .widens(ENABLED)).isTrue();
    }

    @Test
    void disablingOrRepatterningNarrowsButRenamingDoesNot() {
        assertThat(change(null, null, null, false, null).narrows(ENABLED)).isTrue();
        assertThat(change(null, "repo:a/b", null, null, null).narrows(ENABLED)).isTrue();
        assertThat(change("other", null, null, null, null).narrows(ENABLED)).isFalse();
        assertThat(change(null, null, null, false, null).narrows(DISABLED)).isFalse();
    }
}
