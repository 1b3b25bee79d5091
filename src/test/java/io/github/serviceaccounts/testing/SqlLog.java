package io.github.serviceaccounts.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL statements in a server log written with {@code org.hibernate.SQL} at debug. Each statement is one log record,
 * "{@code <date> <time> DEBUG [org.hibernate.SQL] (<thread>) <sql>}", and goes on over the following lines that do not
 * start a record of their own (formatted SQL spans several).
 */
public final class SqlLog {

    private static final Pattern RECORD = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\S*\\s+\\S+\\s+\\[.*");
    private static final Pattern SQL = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\S+\\s+DEBUG\\s+\\[org\\.hibernate\\.SQL\\]\\s+\\([^)]*\\)\\s?(.*)$");
    /** An IN list of parameters: its length varies with the data, its plan does not (two stand for any). */
    private static final Pattern IN_LIST = Pattern.compile("(?i)\\bin\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");

    private SqlLog() {
    }

    /** The distinct statements, whitespace collapsed, in the order first logged. */
    public static List<String> distinctStatements(String log) {
        Set<String> statements = new LinkedHashSet<>();
        StringBuilder current = null;
        for (String line : log.split("\\R")) {
            if (RECORD.matcher(line).matches()) {
                add(statements, current);
                Matcher sql = SQL.matcher(line);
                current = sql.matches() ? new StringBuilder(sql.group(1)) : null;
            } else if (current != null) {
                current.append(' ').append(line);
            }
        }
        add(statements, current);
        return new ArrayList<>(statements);
    }

    private static void add(Set<String> statements, StringBuilder statement) {
        if (statement != null && !statement.toString().isBlank()) {
            String collapsed = statement.toString().trim().replaceAll("\\s+", " ");
            statements.add(IN_LIST.matcher(collapsed).replaceAll("in (?,?)"));
        }
    }
}
