package io.github.serviceaccounts.directory;

/** Which slice of a list to read, as Keycloak's own API takes it: {@code first}, {@code max}, {@code search}. */
public record Page(int first, int max, String search) {

    public static final int DEFAULT_MAX = 100;
    public static final int LARGEST_MAX = 1000;

    /** The search as a case-insensitive SQL LIKE pattern matching anywhere, or null for no search. */
    public String likePattern() {
        if (search == null || search.isEmpty()) {
            return null;
        }
        String escaped = search.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
