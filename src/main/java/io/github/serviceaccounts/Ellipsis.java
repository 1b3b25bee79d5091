package io.github.serviceaccounts;

/** Fits text into one of Keycloak's 255-character columns for display, marking the cut with an ellipsis. */
public final class Ellipsis {

    public static final int KEYCLOAK_COLUMN = 255;

    private Ellipsis() {
    }

    /** The text as it is if it fits, else its start and "…"; never splits a surrogate pair. */
    public static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        end -= Character.isHighSurrogate(text.charAt(end - 1)) ? 1 : 0;
        return text.substring(0, end) + "\u2026";
    }
}
