package dev.waitwell.activities.inventory;

import dev.waitwell.activities.shared.ConstraintViolations;
import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quantity moved is the one reserved in {@code order_stock}, not the request's: the row is the truth
 * about what this order holds. Every move locks the product row first, then the order's row, the order
 * in which receipts and checkouts lock too.
 */
@Component("inventoryActivities")
class InventoryActivitiesImpl implements InventoryActivities {

    private static final Logger log = LoggerFactory.getLogger(InventoryActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StockAllocator allocator;
    private final ProductRelease release;

    InventoryActivitiesImpl(
            JdbcClient jdbc, TransactionTemplate transactions, StockAllocator allocator, ProductRelease release) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.allocator = allocator;
        this.release = release;
    }

    @Override
    public void allocate(StockRequest request) {
        ConstraintViolations.failForGood(
                "Allocation of order " + request.orderId(),
                () -> transactions.executeWithoutResult(tx -> {
                    OrderStock stock = lock(request.orderId());
                    switch (stock.state()) {
                        case PREORDERED -> {
                            setState(stock, StockState.ALLOCATED, stock.quantity(), 0);
                            changeCounters(
                                    stock.sku(),
                                    "preordered = preordered - :q, allocated = allocated + :q",
                                    stock.quantity());
                            log.info("Order {}: {} x {} allocated", stock.orderId(), stock.quantity(), stock.sku());
                        }
                        // Released into the queue of a product whose stock is tracked: the units come with a receipt.
                        // Failing (retried) keeps an order started before the queue existed waiting until they do.
                        case WAITING ->
                            throw new IllegalStateException("order " + stock.orderId() + " waits in the queue for "
                                    + (stock.quantity() - stock.allocated()) + " units of " + stock.sku());
                        default ->
                            log.info("Order {} stock is {} already, not allocating it", stock.orderId(), stock.state());
                    }
                }));
    }

    @Override
    public AllocationBatch joinQueueOnRelease(StockRequest request) {
        return release.release(request.sku()).allocation();
    }

    @Override
    public OrderAllocations allocationsOf(StockRequest request) {
        return transactions.execute(tx -> {
            int units = jdbc.sql("SELECT allocated FROM order_stock WHERE order_id = :orderId")
                    .param("orderId", request.orderId())
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            // Only allocations of the sku the order holds now: a switch left the old product's behind. The order knows
            // of those it reads here, so they count as told: a fan-out still under way skips them rather than spend a
            // signal, and a workflow task of the order's, on news it has.
            List<StockAllocation> allocations = jdbc.sql("""
                            WITH known AS (
                                SELECT a.id, a.quantity
                                  FROM allocations a
                                  JOIN allocation_batches b ON b.id = a.batch_id
                                  JOIN order_stock s ON s.order_id = a.order_id AND s.sku = b.sku
                                 WHERE a.order_id = :orderId
                            ), told AS (
                                UPDATE allocations SET signalled_at = now()
                                 WHERE id IN (SELECT id FROM known) AND signalled_at IS NULL
                            )
                            SELECT id, quantity FROM known ORDER BY id""")
                    .param("orderId", request.orderId())
                    .query((rs, n) -> new StockAllocation(rs.getLong("id"), rs.getInt("quantity")))
                    .list();
            return new OrderAllocations(units, allocations);
        });
    }

    @Override
    public void dispatch(StockRequest request) {
        ConstraintViolations.failForGood(
                "Dispatch of order " + request.orderId(),
                () -> transactions.executeWithoutResult(tx -> {
                    OrderStock stock = lock(request.orderId());
                    if (stock.state() != StockState.ALLOCATED) {
                        log.info("Order {} stock is {}, not dispatching it", stock.orderId(), stock.state());
                        return;
                    }
                    setState(stock, StockState.SHIPPED, stock.quantity(), 0);
                    changeCounters(stock.sku(), "allocated = allocated - :q", stock.quantity());
                    log.info("Order {}: {} x {} shipped", stock.orderId(), stock.quantity(), stock.sku());
                }));
    }

    /**
     * Orders from before the queue: their allocated units were never on hand in Waitwell's books unless the
     * product's stock is tracked, and their workflow cannot tell anyone of a reallocation. So units go back
     * on hand (for the next allocation) only for a tracked product, and nothing is allocated here.
     */
    @Override
    public void returnUnits(StockRequest request) {
        ConstraintViolations.failForGood(
                "Return of order " + request.orderId() + "'s units",
                () -> transactions.executeWithoutResult(tx -> {
                    OrderStock stock = lock(request.orderId());
                    if (stock.state() == StockState.SHIPPED || stock.state() == StockState.RETURNED) {
                        log.info("Order {} stock is {}, not returning it", stock.orderId(), stock.state());
                        return;
                    }
                    boolean backOnHand = allocator.lockProduct(stock.sku()).stockTracked();
                    giveBack(stock, backOnHand);
                }));
    }

    @Override
    public ReturnedUnits releaseUnits(StockRequest request) {
        return ConstraintViolations.failForGood(
                "Release of order " + request.orderId() + "'s units",
                () -> transactions.execute(tx -> {
                    OrderStock stock = lock(request.orderId());
                    switch (stock.state()) {
                        case RETURNED -> {
                            return new ReturnedUnits(
                                    stock.returned(),
                                    allocator
                                            .batchOf(BatchSource.RETURN, stock.orderId())
                                            .orElse(null));
                        }
                        case SHIPPED ->
                            throw new IllegalStateException(
                                    "order " + stock.orderId() + " has shipped: its units cannot go back to stock");
                        default -> {
                            int units = giveBack(stock, true);
                            AllocationBatch reallocation = allocator.allocate(
                                    stock.sku(), BatchSource.RETURN, stock.orderId(), "units returned to stock");
                            return new ReturnedUnits(units, reallocation);
                        }
                    }
                }));
    }

    /** The order leaves the queue; its allocated units go on hand, or leave the books. @return those units */
    private int giveBack(OrderStock stock, boolean backOnHand) {
        int units = stock.allocated();
        setState(stock, StockState.RETURNED, 0, units);
        String waiting = switch (stock.state()) {
            case PREORDERED -> "preordered = preordered - :q";
            case WAITING -> "backordered = backordered - (:q - :a)";
            default -> "backordered = backordered";
        };
        changeCounters(
                stock.sku(),
                waiting + ", allocated = allocated - :a" + (backOnHand ? ", on_hand = on_hand + :a" : ""),
                stock.quantity(),
                units);
        jdbc.sql("""
                        INSERT INTO order_events (order_id, event_key, type, message)
                        VALUES (:orderId, 'stock-returned', 'STOCK_RETURNED', :message)
                        ON CONFLICT (order_id, event_key) DO NOTHING""")
                .param("orderId", stock.orderId())
                .param(
                        "message",
                        units == 0
                                ? "Left the queue; no units were allocated"
                                : units + " allocated units returned to stock")
                .update();
        log.info(
                "Order {}: {} of {} x {} returned from {}",
                stock.orderId(),
                units,
                stock.quantity(),
                stock.sku(),
                stock.state());
        return units;
    }

    /** Locks the product, then the order's stock row, so two concurrent attempts cannot both move it. */
    private OrderStock lock(String orderId) {
        String sku = jdbc.sql("SELECT sku FROM order_stock WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "order " + orderId + " has no order_stock row: checkout must have reserved its units"));
        allocator.lockProduct(sku);
        return jdbc.sql("""
                        SELECT sku, state, quantity, allocated, returned FROM order_stock
                         WHERE order_id = :orderId FOR UPDATE""")
                .param("orderId", orderId)
                .query((rs, n) -> new OrderStock(
                        orderId,
                        rs.getString("sku"),
                        StockState.valueOf(rs.getString("state")),
                        rs.getInt("quantity"),
                        rs.getInt("allocated"),
                        rs.getInt("returned")))
                .single();
    }

    private void setState(OrderStock stock, StockState to, int allocated, int returned) {
        jdbc.sql("""
                        UPDATE order_stock SET state = :to, allocated = :allocated, returned = :returned,
                                               updated_at = now()
                         WHERE order_id = :orderId""")
                .param("to", to.name())
                .param("allocated", allocated)
                .param("returned", returned)
                .param("orderId", stock.orderId())
                .update();
    }

    private void changeCounters(String sku, String set, int quantity) {
        changeCounters(sku, set, quantity, 0);
    }

    private void changeCounters(String sku, String set, int quantity, int allocated) {
        jdbc.sql("UPDATE products SET " + set + ", updated_at = now() WHERE sku = :sku")
                .param("q", quantity)
                .param("a", allocated)
                .param("sku", sku)
                .update();
    }

    private record OrderStock(
            String orderId, String sku, StockState state, int quantity, int allocated, int returned) {}
}
