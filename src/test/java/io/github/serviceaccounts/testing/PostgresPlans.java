package io.github.serviceaccounts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL's generic plans with sequential scans priced out ({@code enable_seqscan = off}): a {@code Seq Scan} still
 * in a plan means no index can serve the condition, whatever the tables' sizes in the test. Each statement is
 * {@code PREPARE}d with its parameters numbered, and explained with nulls; the generic plan does not depend on them.
 * <p>
 * On a test's tiny tables every estimate is one row, so the planner picks between a unique index and an index on the
 * realm alone by a tie. The large tables are therefore made to look large, in a deployment of one realm: a million
 * rows per page they have (the planner scales {@code reltuples / relpages} by a table's pages), one value in their
 * realm column and distinct values in every other ({@code n_distinct} 1 and -1, then ANALYZE: a tiny sample would take
 * the realm for growing with the rows, and 7 clients owning 90 roles for 13% of all roles per client). An index range
 * over the realm alone, or an index read whole, is then chosen only where no index serves a more specific condition.
 * Merge joins are off too: they price how far into an ordered index they stop by histogram bounds, meaningless from
 * such a sample, and would read a large index from its start where a lookup serves. Only the planner's view changes,
 * in a database thrown away after the test, whose server has stopped.
 */
final class PostgresPlans extends QueryPlans {

    private final Connection connection;
    private final Map<String, String> indexTables = new HashMap<>();

    PostgresPlans(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            for (String alter : largeTableSpreads()) {
                statement.execute(alter);
            }
            statement.execute("ANALYZE");
            try (PreparedStatement large = connection.prepareStatement("UPDATE pg_class SET relpages = 1,"
                    + " reltuples = 1000000 WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace"
                    + " AND upper(relname) = ANY (?)")) {
                large.setArray(1, connection.createArrayOf("text", largeTables().toArray()));
                large.executeUpdate();
            }
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_mergejoin = off");
            statement.execute("SET jit = off");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            try (ResultSet keys = statement.executeQuery("select i.relname, t.relname, a.attname from pg_index x"
                    + " join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                    + " join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()"
                    + " cross join lateral unnest(x.indkey::int2[]) with ordinality k(attnum, position)"
                    + " left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum"
                    + " where k.position <= x.indnkeyatts order by i.relname, k.position")) {
                while (keys.next()) {
                    indexTables.put(keys.getString(1), keys.getString(2).toUpperCase(Locale.ROOT));
                    indexColumn(keys.getString(1), keys.getString(3));
                }
            }
        }
    }

    /** The large tables of this database (Keycloak's and the extension's), upper case. */
    private List<String> largeTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(
                "select upper(relname) from pg_class where relkind = 'r'"
                        + " and relnamespace = current_schema()::regnamespace")) {
            while (found.next()) {
                if (new Read(found.getString(1), null, List.of()).large()) {
                    tables.add(found.getString(1));
                }
            }
        }
        return tables;
    }

    /** {@code ALTER TABLE}s setting each large table's columns' spread: one realm, every other value distinct. */
    private List<String> largeTableSpreads() throws SQLException {
        Map<String, List<String>> columns = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select quote_ident(table_name),"
                + " quote_ident(column_name), upper(column_name) in ('REALM_ID', 'REALM') from information_schema.columns"
                + " where table_schema = current_schema() and upper(table_name) = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", largeTables().toArray()));
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    columns.computeIfAbsent(found.getString(1), t -> new ArrayList<>()).add("ALTER COLUMN "
                            + found.getString(2) + " SET (n_distinct = " + (found.getBoolean(3) ? "1" : "-1") + ")");
                }
            }
        }
        return columns.entrySet().stream()
                .map(table -> "ALTER TABLE " + table.getKey() + " " + String.join(", ", table.getValue())).toList();
    }

    @Override
    public Plan explain(String sql) throws SQLException {
        Numbered numbered = Numbered.of(sql);
        String execute = "EXECUTE q" + (numbered.parameters() == 0 ? "" : "(" + String.join(", ",
                Collections.nCopies(numbered.parameters(), "NULL")) + ")");
        try (Statement statement = connection.createStatement()) {
            statement.execute("PREPARE q AS " + numbered.sql());
            try {
                List<Read> reads = new ArrayList<>();
                try (ResultSet json = statement.executeQuery("EXPLAIN (FORMAT JSON) " + execute)) {
                    json.next();
                    collect(Json.parse(json.getString(1)).get(0).get("Plan"), reads);
                }
                StringBuilder text = new StringBuilder();
                try (ResultSet lines = statement.executeQuery("EXPLAIN " + execute)) {
                    while (lines.next()) {
                        text.append(lines.getString(1)).append('\n');
                    }
                }
                return new Plan(sql, text.toString(), reads);
            } finally {
                statement.execute("DEALLOCATE q");
            }
        }
    }

    /** Seq Scan, Index Scan, Index Only Scan and Bitmap Index Scan nodes, everywhere in the tree (subplans too). */
    private void collect(JsonNode node, List<Read> reads) {
        String type = node.path("Node Type").asText();
        String index = node.path("Index Name").asText(null);
        switch (type) {
            case "Seq Scan" -> reads.add(new Read(table(node.path("Relation Name").asText()), null, List.of()));
            case "Index Scan", "Index Only Scan" -> reads.add(new Read(table(node.path("Relation Name").asText()),
                    index, bound(index, node.path("Index Cond").asText(""))));
            case "Bitmap Index Scan" -> reads.add(new Read(indexTables.get(index), index,
                    bound(index, node.path("Index Cond").asText(""))));
            default -> {
            }
        }
        node.path("Plans").forEach(child -> collect(child, reads));
    }

    private static String table(String relation) {
        return relation.toUpperCase(Locale.ROOT);
    }

    /** The statement with each {@code ?} outside literals and quoted names as {@code $1}, {@code $2}, ... */
    record Numbered(String sql, int parameters) {

        static Numbered of(String sql) {
            StringBuilder out = new StringBuilder();
            int parameter = 0;
            char quote = 0;
            for (char c : sql.toCharArray()) {
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                    out.append(c);
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    out.append(c);
                } else if (c == '?') {
                    out.append('$').append(++parameter);
                } else {
                    out.append(c);
                }
            }
            return new Numbered(out.toString(), parameter);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
