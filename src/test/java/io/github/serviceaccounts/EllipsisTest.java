package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EllipsisTest {

    @Test
    void keepsTextThatFits() {
        assertThat(Ellipsis.fit("short", 255)).isEqualTo("short");
        assertThat(Ellipsis.fit("x".repeat(255), 255)).hasSize(255);
        assertThat(Ellipsis.fit(null, 255)).isNull();
    }

    @Test
    void cutsLongerTextToTheColumnWithAnEllipsis() {
        String cut = Ellipsis.fit("x".repeat(300), 255);

        assertThat(cut).hasSize(255).endsWith("x\u2026");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String cut = Ellipsis.fit("x".repeat(253) + "\uD83D\uDE80" + "tail", 255);

        assertThat(cut).isEqualTo("x".repeat(253) + "\u2026");
    }
}
