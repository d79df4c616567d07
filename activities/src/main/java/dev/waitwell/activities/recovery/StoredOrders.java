package dev.waitwell.activities.recovery;

import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The orders a rebuild reads and records: one order's status and stored checkout input, the open ones, rebuilds. */
@Component
public class StoredOrders {

    /**
     * An order as the rebuild decides on it.
     *
     * @param workflowInput the checkout input's JSON ({@code orders.workflow_input}); null for orders placed before it
     *     was stored
     * @param workflowRebuiltAt when its workflow was last rebuilt; null when never
     */
    public record StoredOrder(String orderId, OrderStatus status, String workflowInput, Instant workflowRebuiltAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public StoredOrders(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Optional<StoredOrder> find(String orderId) {
        return jdbc.sql("""
                        SELECT order_id, status, workflow_input::text AS workflow_input, workflow_rebuilt_at
                          FROM orders WHERE order_id = :orderId""")
                .param("orderId", orderId)
                .query((rs, n) -> new StoredOrder(
                        rs.getString("order_id"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getString("workflow_input"),
                        instant(rs.getObject("workflow_rebuilt_at", OffsetDateTime.class))))
                .optional();
    }

    /**
     * A page of open orders (not SHIPPED or CANCELLED) whose workflow was started, by order id after
     * {@code afterOrderId}, whose start the API recorded before {@code startedBefore} (orders it has not started are
     * its own recovery sweep's).
     */
    public List<String> openOrders(String afterOrderId, Instant startedBefore, int limit) {
        return jdbc.sql("""
                        SELECT order_id FROM orders
                         WHERE status NOT IN ('SHIPPED', 'CANCELLED')
                           AND workflow_started_at < :startedBefore
                           AND order_id > :after
                         ORDER BY order_id
                         LIMIT :limit""")
                .param("startedBefore", OffsetDateTime.ofInstant(startedBefore, ZoneOffset.UTC))
                .param("after", afterOrderId)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * Records that run {@code runId} was started from the database: when (on the order and in
     * {@code order_rebuilds}) and on the order's timeline ({@code WORKFLOW_REBUILT}). Once per run: a repeated call
     * finds the timeline entry and changes nothing.
     *
     * @return when the order's workflow was rebuilt
     */
    public Instant recordRebuild(
            String orderId, OrderStatus status, RebuildTrigger trigger, String requestedBy, String runId) {
        return transactions.execute(tx -> {
            boolean first = jdbc.sql("""
                            INSERT INTO order_events (order_id, event_key, type, message)
                            VALUES (:orderId, :key, 'WORKFLOW_REBUILT', :message)
                            ON CONFLICT (order_id, event_key) DO NOTHING""")
                            .param("orderId", orderId)
                            .param("key", "rebuilt:" + runId)
                            .param("message", message(status, trigger, requestedBy))
                            .update()
                    == 1;
            if (first) {
                jdbc.sql("""
                                INSERT INTO order_rebuilds (order_id, status, trigger, requested_by, run_id)
                                VALUES (:orderId, :status, :trigger, :requestedBy, :runId)""")
                        .param("orderId", orderId)
                        .param("status", status.name())
                        .param("trigger", trigger.name())
                        .param("requestedBy", requestedBy, java.sql.Types.VARCHAR)
                        .param("runId", runId)
                        .update();
                jdbc.sql("""
                                UPDATE orders SET workflow_rebuilt_at = (SELECT max(rebuilt_at) FROM order_rebuilds
                                                                          WHERE order_id = :orderId)
                                 WHERE order_id = :orderId""").param("orderId", orderId).update();
            }
            return jdbc.sql("SELECT workflow_rebuilt_at FROM orders WHERE order_id = :orderId")
                    .param("orderId", orderId)
                    .query(OffsetDateTime.class)
                    .single()
                    .toInstant();
        });
    }

    private static String message(OrderStatus status, RebuildTrigger trigger, String requestedBy) {
        String by = trigger == RebuildTrigger.SUPPORT
                ? "support" + (requestedBy == null ? "" : " (" + requestedBy + ")")
                : "the reconciler";
        return "Workflow rebuilt from the database by " + by + ": Temporal no longer ran it; resumed in " + status;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
