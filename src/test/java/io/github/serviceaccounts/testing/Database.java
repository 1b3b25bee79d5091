package io.github.serviceaccounts.testing;

import java.util.List;

/** The database a test server runs on: Keycloak's embedded H2 file, or the local PostgreSQL. */
public record Database(String vendor, List<String> startArgs) {

    public static Database devFile() {
        return new Database("dev-file", List.of());
    }

    /** A PostgreSQL database on 127.0.0.1:5432 (trust authentication), created empty by the caller. */
    public static Database postgres(String databaseName) {
        return new Database("postgres", List.of("--db-url=jdbc:postgresql://127.0.0.1:5432/" + databaseName,
                "--db-username=postgres", "--db-password=postgres"));
    }
}
