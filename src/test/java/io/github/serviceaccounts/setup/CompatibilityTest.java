package io.github.serviceaccounts.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CompatibilityTest {

    @ParameterizedTest(name = "Keycloak {0} supported: {1}")
    @CsvSource({
        "26.4.0, true", "26.4.7, true", "26.5.6, true", "26.6.1, true", "26.7.0, true", "26.7.3, true",
        "26.7.4-SNAPSHOT, true", "26.3.5, false", "26.8.0, false", "27.0.0, false", "25.0.6, false",
        "999.0.0-SNAPSHOT, false", "nightly, false"})
    void theSupportedLinesAre26Point4To26Point7(String version, boolean supported) {
        assertThat(Compatibility.isSupported(version)).isEqualTo(supported);
    }

    /** The test class path holds the Keycloak the provider compiles against: everything the extension uses is there. */
    @Test
    void theKeycloakItCompilesAgainstOffersEverythingItUses() {
        assertThat(Compatibility.current().missing()).isEmpty();
        assertThat(Compatibility.current().works()).isTrue();
    }

    @Test
    void whereItCannotWorkTheReasonNamesTheSupportedRange() {
        Compatibility old = new Compatibility("25.0.6", List.of("GroupEntity.parentId"));

        assertThat(old.works()).isFalse();
        assertThat(old.unavailableReason()).contains("Keycloak 25.0.6").contains("26.4 to 26.7");
    }
}
