package io.github.serviceaccounts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * H2's plans of a stopped server's dev-file database, opened with the H2 jar of that very distribution so the file
 * format always matches. H2 prints how it reads each table in a comment after it: {@code /* PUBLIC.CLIENT.tableScan *}
 * {@code /}, or {@code /* PUBLIC.<index>: <conditions> *}{@code /}. It costs a table as if it had 1000 rows more than it
 * has, so it takes a usable index even on the tiny tables of a test.
 */
final class H2Plans extends QueryPlans {

    /** A table in a plan, quoted at the top level and not in nested plans, with its alias and its comment. */
    private static final Pattern TABLE = Pattern.compile(
            "\"?PUBLIC\"?\\.\"?(\\w+)\"?(?:[ \\t]+\"?\\w+\"?)?\\s*(?=/\\*)");
    private static final Pattern SCAN = Pattern.compile("(?s)\\s*PUBLIC\\.(\\w+)\\.tableScan\\s*");
    private static final Pattern INDEX = Pattern.compile("(?s)\\s*PUBLIC\\.(\\w+)(?::(.*))?");

    private final URLClassLoader loader;
    private final Connection connection;

    /** {@code libraries} is the distribution's {@code lib/lib/main}; {@code file} its {@code keycloakdb.mv.db}. */
    H2Plans(Path libraries, Path file) throws SQLException {
        loader = new URLClassLoader(new URL[] {url(h2Jar(libraries))}, ClassLoader.getPlatformClassLoader());
        Driver driver;
        try {
            driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        // Keycloak's dev-file passes no credentials, so H2 made the file's administrator "" with an empty password.
        Properties credentials = new Properties();
        credentials.put("user", "");
        credentials.put("password", "");
        String base = file.toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
        connection = driver.connect("jdbc:h2:file:" + base + ";NON_KEYWORDS=VALUE;IFEXISTS=TRUE", credentials);
        try (Statement statement = connection.createStatement(); ResultSet keys = statement.executeQuery(
                "select INDEX_NAME, COLUMN_NAME from INFORMATION_SCHEMA.INDEX_COLUMNS where TABLE_SCHEMA = 'PUBLIC'"
                        + " order by INDEX_NAME, ORDINAL_POSITION")) {
            while (keys.next()) {
                indexColumn(keys.getString(1), keys.getString(2));
            }
        }
    }

    @Override
    public Plan explain(String sql) throws SQLException {
        String text;
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            int parameters = explain.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                explain.setNull(i, Types.NULL);
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                text = plan.getString(1);
            }
        }
        List<Read> reads = new ArrayList<>();
        Matcher table = TABLE.matcher(text);
        while (table.find()) {
            String comment = text.substring(table.end() + 2, QueryPlans.commentEnd(text, table.end()) - 2);
            reads.add(read(table.group(1), comment));
        }
        return new Plan(sql, text, reads);
    }

    /** What the comment after a table says; a comment of another shape counts as a scan, so it is looked at. */
    private Read read(String table, String comment) {
        if (SCAN.matcher(comment).matches()) {
            return new Read(table, null, List.of());
        }
        Matcher index = INDEX.matcher(comment);
        if (index.matches()) {
            return new Read(table, index.group(1), bound(index.group(1), index.group(2)));
        }
        return new Read(table, null, List.of());
    }

    private static Path h2Jar(Path libraries) {
        try (Stream<Path> jars = Files.list(libraries)) {
            return jars.filter(p -> p.getFileName().toString().matches("com\\.h2database\\.h2-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No H2 jar in " + libraries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
