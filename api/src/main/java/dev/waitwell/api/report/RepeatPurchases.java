package dev.waitwell.api.report;

import dev.waitwell.api.report.RepeatPurchase.CancellationAfterDelay;
import dev.waitwell.api.report.RepeatPurchase.Group;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repeat purchases and cancellations after a delay notice of the orders in the metrics' scope, in one grouped pass
 * (per sku and overall). Whether a customer came back is one probe of {@code orders_by_customer_placed} per order
 * (customer, then placement); whether an order got a delay notice is read from the partial index
 * {@code order_events_delay_notices} (V27).
 */
@Component
class RepeatPurchases {

    private static final String CUSTOMER_CHOSE = "the customer chose to cancel after a delay%";
    private static final String NO_ANSWER = "no answer to the delay notice%";
    /**
     * One row per group and sku, and per group over all skus (sku null). {@code noticed}: the orders of every kind that
     * got a delay notice, for the cancellations after one.
     */
    private static final String QUERY = """
            WITH scope AS (%s),
            indexed AS (
                SELECT o.sku, o.customer_id, o.status, o.cancellation_reason,
                       o.kind <> 'IN_STOCK' AS waited,
                       EXISTS (SELECT 1 FROM order_events e
                                WHERE e.order_id = o.order_id
                                  AND e.type = 'STATUS_AWAITING_DECISION') AS noticed,
                       o.placed_at > :observableUntil AS pending,
                       EXISTS (SELECT 1 FROM orders later
                                WHERE later.customer_id = o.customer_id
                                  AND later.placed_at > o.placed_at
                                  AND later.placed_at <= o.placed_at + CAST(:window AS interval)) AS repeated
                  FROM scope JOIN orders o ON o.order_id = scope.order_id)
            SELECT i.sku, g.name AS grp,
                   count(*) AS orders,
                   count(*) FILTER (WHERE i.pending) AS pending,
                   count(*) FILTER (WHERE NOT i.pending AND i.repeated) AS repeated_orders,
                   count(DISTINCT i.customer_id) FILTER (WHERE NOT i.pending) AS customers,
                   count(DISTINCT i.customer_id) FILTER (WHERE NOT i.pending AND i.repeated)
                       AS repeated_customers,
                   count(*) FILTER (WHERE i.status = 'AWAITING_DECISION') AS undecided,
                   count(*) FILTER (WHERE i.status = 'CANCELLED') AS cancelled,
                   count(*) FILTER (WHERE i.status = 'CANCELLED'
                                      AND i.cancellation_reason LIKE :customerChose) AS customer_chose,
                   count(*) FILTER (WHERE i.status = 'CANCELLED'
                                      AND i.cancellation_reason LIKE :noAnswer) AS no_answer
              FROM indexed i
              CROSS JOIN LATERAL (VALUES ('waited', i.waited), ('inStock', NOT i.waited),
                                         ('delayed', i.waited AND i.noticed),
                                         ('undelayed', i.waited AND NOT i.noticed),
                                         ('noticed', i.noticed)) g(name, member)
             WHERE g.member
             GROUP BY GROUPING SETS ((i.sku, g.name), (g.name))""";

    private final JdbcClient jdbc;
    private final Duration window;
    private final Clock clock;

    RepeatPurchases(JdbcClient jdbc, RepeatPurchaseProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.window = properties.repeatWindow();
        this.clock = clock;
    }

    /** @param scope the metrics' bound parameters ({@code from}, {@code to}, {@code sku}) */
    ByScope of(Map<String, Object> scope) {
        Instant observableUntil = clock.instant().minus(window);
        Map<String, Object> params = new HashMap<>(scope);
        params.put("window", window.toString());
        params.put("observableUntil", Timestamp.from(observableUntil));
        params.put("customerChose", CUSTOMER_CHOSE);
        params.put("noAnswer", NO_ANSWER);
        List<Row> rows = jdbc.sql(QUERY.formatted(Metrics.IN_SCOPE))
                .params(params)
                .query(Row.class)
                .list();
        Map<String, Map<String, Row>> bySku = rows.stream()
                .collect(Collectors.groupingBy(
                        row -> row.sku() == null ? "" : row.sku(), Collectors.toMap(Row::grp, row -> row)));
        return new ByScope(bySku, window, observableUntil);
    }

    /** The figures of each sku, and of all of them (key {@code ""}). */
    record ByScope(Map<String, Map<String, Row>> bySku, Duration window, Instant observableUntil) {

        /** @param sku null: all of them */
        RepeatPurchase of(String sku) {
            Map<String, Row> groups = bySku.getOrDefault(sku == null ? "" : sku, Map.of());
            if (groups.isEmpty()) {
                return RepeatPurchase.none(window, observableUntil);
            }
            Row noticed = groups.getOrDefault("noticed", Row.NONE);
            return new RepeatPurchase(
                    RepeatPurchase.days(window),
                    observableUntil,
                    group(groups, "waited"),
                    group(groups, "inStock"),
                    group(groups, "delayed"),
                    group(groups, "undelayed"),
                    CancellationAfterDelay.of(
                            noticed.orders(),
                            noticed.undecided(),
                            noticed.cancelled(),
                            noticed.customerChose(),
                            noticed.noAnswer()));
        }

        private static Group group(Map<String, Row> groups, String name) {
            Row row = groups.getOrDefault(name, Row.NONE);
            return Group.of(
                    row.orders(), row.pending(), row.repeatedOrders(), row.customers(), row.repeatedCustomers());
        }
    }

    /** One group of one sku (or of all: {@code sku} null), as counted. */
    record Row(
            String sku,
            String grp,
            long orders,
            long pending,
            long repeatedOrders,
            long customers,
            long repeatedCustomers,
            long undecided,
            long cancelled,
            long customerChose,
            long noAnswer) {

        static final Row NONE = new Row(null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
