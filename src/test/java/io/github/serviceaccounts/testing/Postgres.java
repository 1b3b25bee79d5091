package io.github.serviceaccounts.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's PostgreSQL at 127.0.0.1:5432 (trust authentication). */
public final class Postgres {

    private static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private Postgres() {
    }

    /** Drops and recreates a database, so a test server starts from nothing. */
    public static Database freshDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(SERVER_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at 127.0.0.1:5432; start it with "
                    + "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`", e);
        }
        return Database.postgres(name);
    }

    public static Connection connect(String databaseName) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + databaseName, "postgres", "");
    }
}
