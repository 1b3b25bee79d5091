package io.github.serviceaccounts.testing;

import java.util.List;

/**
 * The database a test server runs on: Keycloak's embedded H2 file ({@code name} null), or a database of the local
 * PostgreSQL.
 */
public record Database(String vendor, String name, List<String> startArgs) {

    public static Database devFile() {
        return new Database("dev-file", null, List.of());
    }

    /** A PostgreSQL database on 127.0.0.1:5432 (trust authentication), created empty by the caller. */
    public static Database postgres(String databaseName) {
        return new Database("postgres", databaseName, List.of(
                "--db-url=jdbc:postgresql://127.0.0.1:5432/" + databaseName,
                "--db-username=postgres", "--db-password=postgres"));
    }

    public boolean isPostgres() {
        return vendor.equals("postgres");
    }
}
