package io.github.serviceaccounts.federation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "repo:acme/*:ref:refs/heads/main | repo:acme/web:ref:refs/heads/main | true",
        "repo:acme/*:ref:refs/heads/main | repo:acme/web:ref:refs/heads/dev | false",
        "repo:acme/web:* | repo:acme/web:ref:refs/heads/main | true",
        "repo:acme/web:* | repo:acme/web-evil:ref:refs/heads/main | false",
        "repo:acme/web:ref:refs/heads/main | repo:acme/web:ref:refs/heads/main | true",
        "repo:acme/web:ref:refs/heads/main | repo:acme/web:ref:refs/heads/main2 | false",
        "repo:acme/web:ref:refs/heads/main | xrepo:acme/web:ref:refs/heads/main | false",
        "system:serviceaccount:ci:* | system:serviceaccount:ci: | true",
        "*:deployer | system:serviceaccount:ci:deployer | true",
        "*:deployer | system:serviceaccount:ci:deployer2 | false",
        "a*b*c | abc | true",
        "a*b*c | aXbYc | true",
        "a*b*c | aXbY | false",
        "a*b*c | acb | false",
        "a**b | ab | true",
        "a.b | aXb | false",
        "a?b | aXb | false",
        "a?b | a?b | true",
        "[ab] | a | false",
    })
    void matchesTheWholeValueWithStarsOnly(String pattern, String value, boolean expected) {
        assertThat(new WildcardPattern(pattern).matches(value)).isEqualTo(expected);
    }

    @Test
    void nothingMatchesNullAndOnlyAllStarsMatchesAnything() {
        assertThat(new WildcardPattern("*").matches(null)).isFalse();
        assertThat(new WildcardPattern("*").matches("")).isTrue();
        assertThat(new WildcardPattern("x").matches("")).isFalse();
        assertThat(new WildcardPattern("**").matchesAnything()).isTrue();
        assertThat(new WildcardPattern("*a*").matchesAnything()).isFalse();
    }

    /** No backtracking blow-up: the worst case is the product of the lengths, not exponential. */
    @Test
    void aPathologicalPatternStillAnswers() {
        String pattern = "*a".repeat(60) + "b";
        String value = "a".repeat(255);
        assertThat(new WildcardPattern(pattern).matches(value)).isFalse();
    }
}
