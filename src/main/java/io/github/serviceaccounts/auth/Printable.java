package io.github.serviceaccounts.auth;

/** Text from a request as it may appear in an event: cut to a length, control characters replaced. */
final class Printable {

    private Printable() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "(none)";
        }
        String cut = text.length() > max ? text.substring(0, max) + "…" : text;
        return cut.replaceAll("\\p{Cc}", "?");
    }
}
