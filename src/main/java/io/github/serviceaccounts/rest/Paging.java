package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.directory.Page;

/** Reads {@code first}, {@code max} and {@code search} query parameters into a {@link Page}. */
final class Paging {

    private static final int SEARCH_MAX = 255;

    private Paging() {
    }

    static Page page(String first, String max, String search) {
        int from = number("first", first, 0, Integer.MAX_VALUE);
        int size = number("max", max, Page.DEFAULT_MAX, Page.LARGEST_MAX);
        if (search != null && search.length() > SEARCH_MAX) {
            throw Problems.invalid("search", "must be at most " + SEARCH_MAX + " characters");
        }
        return new Page(from, size, search);
    }

    static int number(String name, String value, int fallback, int largest) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 0 && number <= largest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalid(name, "must be a whole number from 0 to " + largest);
    }
}
