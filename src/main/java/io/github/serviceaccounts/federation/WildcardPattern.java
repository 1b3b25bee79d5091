package io.github.serviceaccounts.federation;

/**
 * A subject or claim pattern of a federated credential: {@code *} matches any run of characters (none included),
 * every other character only itself, and the pattern must match the whole value. No regular expressions, so a
 * pattern cannot be written that matches more than it reads as, nor one that is slow to match.
 */
public record WildcardPattern(String text) {

    public static final char WILDCARD = '*';

    /** Whether the whole value matches: the usual greedy match that backtracks to the last {@code *} only. */
    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        int p = 0;
        int v = 0;
        int lastStar = -1;
        int resumeAt = 0;
        while (v < value.length()) {
            if (p < text.length() && text.charAt(p) == WILDCARD) {
                lastStar = p++;
                resumeAt = v;
            } else if (p < text.length() && text.charAt(p) == value.charAt(v)) {
                p++;
                v++;
            } else if (lastStar >= 0) {
                p = lastStar + 1;
                v = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < text.length() && text.charAt(p) == WILDCARD) {
            p++;
        }
        return p == text.length();
    }

    /** Whether the pattern is nothing but wildcards, and so matches every value. */
    public boolean matchesAnything() {
        return text.chars().allMatch(c -> c == WILDCARD);
    }
}
