package io.github.serviceaccounts.accounts;

import java.util.regex.Pattern;

/**
 * Service account names: 3 to 30 characters, lower-case letters, digits and dashes, starting with a letter and not
 * ending with a dash (like {@code ci-deployer} or {@code nightly-export-2}). Unique within the owning project.
 */
public final class AccountNames {

    public static final int MIN = 3;
    public static final int MAX = 30;
    public static final String RULE = "3 to 30 lower-case letters, digits and dashes, starting with a letter and not"
            + " ending with a dash";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{" + (MIN - 2) + "," + (MAX - 2) + "}[a-z0-9]");

    private AccountNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
