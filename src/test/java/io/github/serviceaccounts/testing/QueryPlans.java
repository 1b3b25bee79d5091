package io.github.serviceaccounts.testing;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains SQL statements on the database a test server used, and judges how each plan reads the large tables: through
 * an index whose leading columns the statement fixes, and fixes with more than the realm. A table scan, an index read
 * whole (its leading column unbound: what issue 19's join on {@code SERVICE_ACCOUNT_CLIENT_LINK} alone did to H2, while
 * the index is {@code (REALM_ID, SERVICE_ACCOUNT_CLIENT_LINK)}), or an index range that is the whole realm all grow with
 * the realm rather than with the project or account the statement is about.
 */
public abstract class QueryPlans implements AutoCloseable {

    /** Keycloak's tables that grow with users, clients, groups, roles and events; every IAM_* table grows too. */
    public static final Set<String> LARGE_TABLES = Set.of("CLIENT", "CLIENT_ATTRIBUTES", "USER_ENTITY",
            "USER_ATTRIBUTE", "KEYCLOAK_GROUP", "GROUP_ATTRIBUTE", "USER_GROUP_MEMBERSHIP", "USER_ROLE_MAPPING",
            "CREDENTIAL", "PROTOCOL_MAPPER", "PROTOCOL_MAPPER_CONFIG", "CLIENT_SCOPE_CLIENT", "REDIRECT_URIS",
            "WEB_ORIGINS", "EVENT_ENTITY", "ADMIN_EVENT_ENTITY", "KEYCLOAK_ROLE");
    private static final Set<String> REALM_COLUMNS = Set.of("REALM_ID", "REALM");
    /** The column a condition starts with, past parentheses and a table alias: {@code ((u.realm_id)::text = ...}. */
    private static final Pattern FIRST_COLUMN = Pattern.compile("^[(\\s]*(?:\\w+\\.)*(\\w+)");

    /** Each index's key columns in order, by upper-case name; a null column is an expression. */
    private final Map<String, List<String>> indexColumns = new HashMap<>();

    /**
     * How a plan reads one table: through {@code index} (null: the whole table) of which {@code bound} are the leading
     * columns the plan's conditions fix.
     */
    public record Read(String table, String index, List<String> bound) {

        public boolean large() {
            return LARGE_TABLES.contains(table) || table.startsWith("IAM_");
        }

        public Optional<String> problem() {
            if (!large()) {
                return Optional.empty();
            }
            if (index == null) {
                return Optional.of("scans " + table);
            }
            if (bound.isEmpty()) {
                return Optional.of("reads all of " + table + " through " + index + " (its leading column is unbound)");
            }
            if (REALM_COLUMNS.containsAll(bound)) {
                return Optional.of("reads the whole realm's rows of " + table + " through " + index + " (only "
                        + String.join(", ", bound) + " is bound)");
            }
            return Optional.empty();
        }
    }

    /** A statement, the plan as the database prints it, and the reads found in it. */
    public record Plan(String statement, String text, List<Read> reads) {

        public List<String> problems() {
            return reads.stream().map(Read::problem).flatMap(Optional::stream).distinct().toList();
        }
    }

    /**
     * The plans of a stopped server's database (an embedded H2 file has one user at a time; PostgreSQL's statistics are
     * changed, see {@link PostgresPlans}).
     */
    public static QueryPlans of(DistributionServer server) throws SQLException {
        return server.database().isPostgres() ? new PostgresPlans(Postgres.connect(server.database().name()))
                : new H2Plans(server.home().resolve("lib/lib/main"), server.h2File());
    }

    /** The plan of a statement as Hibernate logs it, {@code ?} for each parameter (explained with nulls). */
    public abstract Plan explain(String statement) throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    protected void indexColumn(String index, String column) {
        indexColumns.computeIfAbsent(index.toUpperCase(Locale.ROOT), i -> new ArrayList<>())
                .add(column == null ? null : column.toUpperCase(Locale.ROOT));
    }

    /**
     * The index's leading columns that these conditions fix. Both databases print an index condition column first (H2's
     * index conditions, PostgreSQL's Index Cond); an expression column counts as fixed when there is any condition.
     */
    protected List<String> bound(String index, String conditions) {
        List<String> columns = indexColumns.get(index.toUpperCase(Locale.ROOT));
        if (columns == null) {
            throw new IllegalStateException("Index " + index + " is not in the database's catalog");
        }
        List<String> fixed = conditionColumns(conditions);
        List<String> bound = new ArrayList<>();
        for (String column : columns) {
            if (column == null ? fixed.isEmpty() : !fixed.contains(column)) {
                break;
            }
            bound.add(column == null ? "(expression)" : column);
        }
        return bound;
    }

    /** The first column of each condition of a conjunction, nested comments, quotes and string literals left out. */
    static List<String> conditionColumns(String conditions) {
        String plain = withoutComments(conditions == null ? "" : conditions).replaceAll("'(?:[^']|'')*'", "''")
                .replace("\"", "").replaceAll("\\s+", " ").trim();
        while (plain.startsWith("(") && closing(plain, 0) == plain.length() - 1) {
            plain = plain.substring(1, plain.length() - 1).trim();
        }
        List<String> columns = new ArrayList<>();
        for (String condition : topLevelConjuncts(plain)) {
            Matcher first = FIRST_COLUMN.matcher(condition);
            if (first.find()) {
                columns.add(first.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static List<String> topLevelConjuncts(String conditions) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < conditions.length(); i++) {
            char c = conditions.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && conditions.regionMatches(true, i, " AND ", 0, 5)) {
                parts.add(conditions.substring(start, i));
                start = i + 5;
            }
        }
        parts.add(conditions.substring(start));
        return parts;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The text without its comments, which H2 nests: {@code /* a /* b *}{@code / c *}{@code /}. */
    static String withoutComments(String text) {
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("/*", i)) {
                depth++;
                i++;
            } else if (depth > 0 && text.startsWith("*/", i)) {
                depth--;
                i++;
            } else if (depth == 0) {
                kept.append(text.charAt(i));
            }
        }
        return kept.toString();
    }

    /** The end (exclusive) of the comment that opens at {@code start}, with the comments nested in it. */
    static int commentEnd(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length() - 1; i++) {
            if (text.startsWith("/*", i)) {
                depth++;
                i++;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i++;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return text.length();
    }
}
