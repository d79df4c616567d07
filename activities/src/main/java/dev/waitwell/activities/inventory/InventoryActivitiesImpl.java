package dev.waitwell.activities.inventory;

import java.util.Set;

import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.StockRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quantity moved is the one reserved in {@code order_stock}, not the request's: the row is the truth
 * about what this order holds.
 */
@Component("inventoryActivities")
class InventoryActivitiesImpl implements InventoryActivities {

    private static final Logger log = LoggerFactory.getLogger(InventoryActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    InventoryActivitiesImpl(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void allocate(StockRequest request) {
        move(request, Set.of(StockState.PREORDERED), StockState.ALLOCATED);
    }

    @Override
    public void dispatch(StockRequest request) {
        move(request, Set.of(StockState.ALLOCATED), StockState.SHIPPED);
    }

    @Override
    public void returnUnits(StockRequest request) {
        move(request, Set.of(StockState.PREORDERED, StockState.ALLOCATED), StockState.RETURNED);
    }

    private void move(StockRequest request, Set<StockState> from, StockState to) {
        transactions.executeWithoutResult(tx -> {
            StockState current = lockedState(request.orderId());
            if (!from.contains(current)) {
                log.info("Order {} stock is {} already, not moving it to {}", request.orderId(), current, to);
                return;
            }
            int quantity = jdbc.sql("""
                            UPDATE order_stock SET state = :to, updated_at = now()
                             WHERE order_id = :orderId AND state = :from
                            RETURNING quantity""")
                    .param("to", to.name())
                    .param("from", current.name())
                    .param("orderId", request.orderId())
                    .query(Integer.class)
                    .single();
            jdbc.sql("UPDATE products SET " + current.counterChange(to) + ", updated_at = now() WHERE sku = "
                            + "(SELECT sku FROM order_stock WHERE order_id = :orderId)")
                    .param("q", quantity)
                    .param("orderId", request.orderId())
                    .update();
            log.info("Order {}: {} x {} moved {} -> {}", request.orderId(), quantity, request.sku(), current, to);
        });
    }

    /** Locks the order's stock row so two concurrent attempts cannot both move it. */
    private StockState lockedState(String orderId) {
        return jdbc.sql("SELECT state FROM order_stock WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId)
                .query((rs, n) -> StockState.valueOf(rs.getString("state")))
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "order " + orderId + " has no order_stock row: checkout must have reserved its units"));
    }
}
