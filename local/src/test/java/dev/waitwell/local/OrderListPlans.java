package dev.waitwell.local;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plans PostgreSQL chooses for the order list's two statements, the count and the page. The SQL mirrors
 * {@code OrderList} in the API (package-private there): keep the two in step.
 */
final class OrderListPlans {

    private static final String COLUMNS = """
            SELECT order_id, kind, status, sku, quantity, customer_id, customer_email, placed_at, promised_date,
                   total_minor AS total, currency, priority
              FROM orders o""";
    /** The plan lines worth a glance: how rows are found and ordered, and the time. */
    private static final Pattern SUMMARY =
            Pattern.compile("Scan|Sort|Limit|Aggregate|Nested Loop|Hash|Execution Time|Heap Fetches|Rows Removed");

    private OrderListPlans() {}

    /** The list's filters, as the API's query string and as SQL. */
    static final class Filter {

        private final List<String> query = new ArrayList<>();
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Filter status(String status) {
            return add("status", status, "status = ?", status);
        }

        Filter kind(String kind) {
            return add("kind", kind, "kind = ?", kind);
        }

        Filter sku(String sku) {
            return add("sku", sku, "sku = ?", sku);
        }

        Filter customer(String customer) {
            add("customer", customer, "(customer_id = ? OR customer_email = ?)", customer);
            values.add(customer);
            return this;
        }

        Filter placed(Instant from, Instant to) {
            add("placedFrom", from.toString(), "placed_at >= ?", Timestamp.from(from));
            return add("placedTo", to.toString(), "placed_at < ?", Timestamp.from(to));
        }

        Filter promisedBefore(LocalDate date) {
            return add("promisedBefore", date.toString(), "promised_date < ?", Date.valueOf(date));
        }

        /** {@code name=value&...&}, ready for the paging parameters. */
        String query() {
            return query.isEmpty() ? "" : String.join("&", query) + "&";
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        private Filter add(String name, String text, String condition, Object value) {
            query.add(name + "=" + text);
            conditions.add(condition);
            values.add(value);
            return this;
        }
    }

    /** The summary lines of both statements' plans. */
    static String explain(Connection connection, String name, Filter filter, int page, int size) throws SQLException {
        StringBuilder text = new StringBuilder("  PLAN " + name + "\n");
        text.append(plan(connection, "count", "EXPLAIN (ANALYZE, BUFFERS) " + count(filter), filter, List.of()));
        Page rows = Page.of(total(connection, filter), page, size);
        if (rows != null) {
            text.append(plan(
                    connection,
                    "page",
                    "EXPLAIN (ANALYZE, BUFFERS) " + page(filter, rows.fromEnd()),
                    filter,
                    List.of(rows.limit(), rows.offset())));
        }
        return text.toString();
    }

    /** Runs both statements as the API does, reading every row. */
    static void run(Connection connection, Filter filter, int page, int size) {
        try {
            Page rows = Page.of(total(connection, filter), page, size);
            if (rows != null) {
                execute(connection, page(filter, rows.fromEnd()), filter, List.of(rows.limit(), rows.offset()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which rows the page statement asks for; a page in the back half is counted from the end. */
    private record Page(long limit, long offset, boolean fromEnd) {

        static Page of(long total, int page, int size) {
            long offset = (long) page * size;
            if (offset >= total) {
                return null;
            }
            long limit = Math.min(size, total - offset);
            boolean fromEnd = offset > total / 2;
            return new Page(limit, fromEnd ? total - offset - limit : offset, fromEnd);
        }
    }

    private static long total(Connection connection, Filter filter) throws SQLException {
        try (PreparedStatement statement = prepare(connection, count(filter), filter, List.of());
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String count(Filter filter) {
        return "SELECT count(*) FROM orders" + filter.where();
    }

    private static String page(Filter filter, boolean fromEnd) {
        String direction = fromEnd ? " DESC" : "";
        return COLUMNS + " JOIN (SELECT order_id FROM orders" + filter.where()
                + " ORDER BY placed_at" + direction + ", order_id" + direction
                + " LIMIT ? OFFSET ?) page USING (order_id) ORDER BY o.placed_at, o.order_id";
    }

    private static void execute(Connection connection, String sql, Filter filter, List<Object> paging)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, filter, paging);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Filter filter, List<Object> paging)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int index = 1;
        for (Object value : filter.values) {
            statement.setObject(index++, value);
        }
        for (Object value : paging) {
            statement.setObject(index++, value);
        }
        return statement;
    }

    private static String plan(Connection connection, String label, String sql, Filter filter, List<Object> paging)
            throws SQLException {
        StringBuilder text = new StringBuilder();
        try (PreparedStatement explain = prepare(connection, sql, filter, paging)) {
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    String line = rows.getString(1);
                    if (SUMMARY.matcher(line).find()) {
                        text.append("    ")
                                .append(label)
                                .append(" | ")
                                .append(line.stripTrailing())
                                .append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
