package dev.waitwell.activities.inventory;

import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands a product's free units to its waiting orders in queue order. Every change of a sku's stock locks
 * the product row first ({@link #lockProduct}), so allocations of one sku are serialized and each sees
 * the queue as the previous one left it.
 */
@Component
class StockAllocator {

    private static final Logger log = LoggerFactory.getLogger(StockAllocator.class);

    /*
     * One statement: the queue with each order's cumulative need, the orders the free units reach (the last
     * one reached may take a partial share: nobody behind it is served before it is full), then the batch,
     * the orders' rows, one allocation and one timeline event per order, and the product's counters.
     */
    private static final String ALLOCATE = """
            WITH queue AS (
                SELECT s.order_id, s.quantity, s.allocated, s.quantity - s.allocated AS need,
                       sum(s.quantity - s.allocated) OVER w AS through,
                       row_number() OVER w AS position
                  FROM order_stock s JOIN orders o ON o.order_id = s.order_id
                 WHERE s.sku = :sku AND s.state = 'WAITING'
                WINDOW w AS (ORDER BY o.priority DESC, o.placed_at, s.order_id ROWS UNBOUNDED PRECEDING)
            ),
            served AS (
                -- Ids drawn here, in queue order, so the events need no join back to the inserted rows.
                SELECT reached.*, nextval(pg_get_serial_sequence('allocations', 'id')) AS allocation_id
                  FROM (SELECT order_id, quantity, allocated, position,
                               least(need, :available - (through - need))::integer AS taken
                          FROM queue
                         WHERE through - need < :available
                         ORDER BY position) reached
            ),
            batch AS (
                INSERT INTO allocation_batches (sku, source, source_ref)
                SELECT :sku, :source, :sourceRef WHERE EXISTS (SELECT 1 FROM served)
                RETURNING id
            ),
            orders_served AS (
                UPDATE order_stock s
                   SET allocated = s.allocated + v.taken,
                       state = CASE WHEN s.allocated + v.taken = s.quantity THEN 'ALLOCATED' ELSE 'WAITING' END,
                       updated_at = now()
                  FROM served v
                 WHERE s.order_id = v.order_id
            ),
            allocated_rows AS (
                INSERT INTO allocations (id, batch_id, order_id, quantity)
                SELECT v.allocation_id, b.id, v.order_id, v.taken FROM batch b CROSS JOIN served v
            ),
            events AS (
                INSERT INTO order_events (order_id, event_key, type, message)
                SELECT v.order_id, 'allocation/' || v.allocation_id, 'ALLOCATED',
                       CASE WHEN v.allocated = 0
                            THEN format('%s of %s units allocated from %s', v.taken, v.quantity, :describedAs::text)
                            ELSE format('%s more units allocated from %s (%s of %s now)', v.taken,
                                        :describedAs::text, v.allocated + v.taken, v.quantity) END
                  FROM served v
                 ORDER BY v.position
            ),
            counters AS (
                UPDATE products p
                   SET on_hand = p.on_hand - t.units, allocated = p.allocated + t.units,
                       backordered = p.backordered - t.units, updated_at = now()
                  FROM (SELECT coalesce(sum(taken), 0) AS units FROM served) t
                 WHERE p.sku = :sku AND t.units > 0
            )
            SELECT (SELECT id FROM batch) AS batch_id,
                   (SELECT count(*) FROM served) AS orders,
                   (SELECT coalesce(sum(taken), 0) FROM served) AS units""";

    private final JdbcClient jdbc;

    StockAllocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the product row for the rest of the transaction: the one lock every stock change of the sku
     * takes first. Non-retryable {@code PRODUCT_NOT_FOUND} when there is no such product.
     */
    LockedProduct lockProduct(String sku) {
        return jdbc.sql("SELECT on_hand, allocated, stock_tracked, released_at IS NOT NULL AS released "
                        + "FROM products WHERE sku = :sku FOR UPDATE")
                .param("sku", sku)
                .query((rs, n) -> new LockedProduct(
                        sku,
                        rs.getInt("on_hand"),
                        rs.getInt("allocated"),
                        rs.getBoolean("stock_tracked"),
                        rs.getBoolean("released")))
                .optional()
                .orElseThrow(() -> BusinessFailure.PRODUCT_NOT_FOUND.raise("no product " + sku));
    }

    /**
     * Allocates the product's units on hand to its waiting orders. Runs in the caller's transaction, which
     * must hold {@link #lockProduct}. Returns null (and creates no batch) when nothing was allocated.
     *
     * @param describedAs where the units came from, for the orders' timelines ("receipt GRN-7")
     */
    AllocationBatch allocate(String sku, BatchSource source, String sourceRef, String describedAs) {
        int available = lockProduct(sku).onHand();
        if (available == 0) {
            return null;
        }
        AllocationBatch batch = jdbc.sql(ALLOCATE)
                .param("sku", sku)
                .param("available", available)
                .param("source", source.name())
                .param("sourceRef", sourceRef)
                .param("describedAs", describedAs)
                .query((rs, n) ->
                        new AllocationBatch(rs.getLong("batch_id"), sku, rs.getInt("units"), rs.getInt("orders")))
                .single();
        if (batch.isEmpty()) {
            return null;
        }
        log.info(
                "{} x {} from {} allocated to {} orders (batch {})",
                batch.unitsAllocated(),
                sku,
                describedAs,
                batch.ordersAllocated(),
                batch.batchId());
        return batch;
    }

    /** The batch a source made, as first returned, if it allocated anything. */
    Optional<AllocationBatch> batchOf(BatchSource source, String sourceRef) {
        return jdbc.sql("""
                        SELECT b.id, b.sku, coalesce(sum(a.quantity), 0) AS units, count(a.id) AS orders
                          FROM allocation_batches b LEFT JOIN allocations a ON a.batch_id = b.id
                         WHERE b.source = :source AND b.source_ref = :sourceRef
                         GROUP BY b.id, b.sku""")
                .param("source", source.name())
                .param("sourceRef", sourceRef)
                .query((rs, n) -> new AllocationBatch(
                        rs.getLong("id"), rs.getString("sku"), rs.getInt("units"), rs.getInt("orders")))
                .optional();
    }

    /** A product row locked by this transaction, as it was when locked. */
    record LockedProduct(String sku, int onHand, int allocated, boolean stockTracked, boolean released) {

        /** The units the product holds (on hand and allocated): what goods in add to. */
        long heldUnits() {
            return (long) onHand + allocated;
        }
    }
}
