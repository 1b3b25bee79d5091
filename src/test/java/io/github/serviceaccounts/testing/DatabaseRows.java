package io.github.serviceaccounts.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Reads the server's database directly, to check what the API says against what is stored. Only where the test can
 * reach it: PostgreSQL (the runs with {@code -Dit.db=postgres}); Keycloak's embedded H2 file is held by the server.
 */
public final class DatabaseRows {

    private DatabaseRows() {
    }

    /** Rows of the table whose column holds the value; empty where the database is out of the test's reach. */
    public static OptionalLong count(KeycloakServer server, String table, String column, String value) {
        if (!(server instanceof DistributionServer distribution) || !distribution.database().isPostgres()) {
            return OptionalLong.empty();
        }
        if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table + "." + column);
        }
        try (Connection connection = Postgres.connect(distribution.database().name());
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from " + table + " where " + column + " = ?")) {
            query.setString(1, value);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return OptionalLong.of(result.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
