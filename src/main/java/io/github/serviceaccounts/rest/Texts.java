package io.github.serviceaccounts.rest;

/** The rules for names and descriptions that people type. */
final class Texts {

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 500;

    private Texts() {
    }

    /** A name: 1 to 100 characters, no control or bidirectional-override characters, no surrounding spaces. */
    static String name(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Problems.invalid(field, "must not be empty");
        }
        if (value.codePointCount(0, value.length()) > NAME_MAX) {
            throw Problems.invalid(field, "must be at most " + NAME_MAX + " characters");
        }
        if (value.codePoints().anyMatch(Texts::isControl)) {
            throw Problems.invalid(field, "must not contain control characters");
        }
        if (value.isBlank() || !value.strip().equals(value)) {
            throw Problems.invalid(field, "must not be blank or start or end with spaces");
        }
        return value;
    }

    /** A description: at most 500 characters; line breaks and tabs are fine, other control characters are not. */
    static String description(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > DESCRIPTION_MAX) {
            throw Problems.invalid(field, "must be at most " + DESCRIPTION_MAX + " characters");
        }
        if (value.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && isControl(c))) {
            throw Problems.invalid(field, "must not contain control characters other than line breaks and tabs");
        }
        return value;
    }

    private static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
    }
}
