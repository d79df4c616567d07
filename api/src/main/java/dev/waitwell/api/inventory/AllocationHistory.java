package dev.waitwell.api.inventory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An order's allocations and its place in the queue, as the stock activities left them in PostgreSQL. */
@Component
public class AllocationHistory {

    private final JdbcClient jdbc;

    AllocationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first. */
    public List<AllocationRecord> of(String orderId) {
        return jdbc.sql("""
                SELECT a.created_at AS at, a.quantity, b.sku, b.source, b.source_ref,
                       r.reference AS receipt_reference, r.purchase_order_id
                  FROM allocations a
                  JOIN allocation_batches b ON b.id = a.batch_id
                  -- a receipt's batch is named by the receipt id
                  LEFT JOIN stock_receipts r
                         ON r.id = CASE WHEN b.source = 'RECEIPT' THEN b.source_ref::bigint END
                 WHERE a.order_id = ?
                 ORDER BY a.created_at, a.id""").param(orderId).query(AllocationRecord.class).list();
    }

    /** The order's place while its units wait in the queue; empty once it is fully allocated or left. */
    public Optional<QueuePlace> placeOf(String orderId) {
        // The queue order of the allocation (StockAllocator in activities): priority DESC, placed_at, order_id.
        // Priority negated, one row comparison says "served before".
        return jdbc.sql("""
                SELECT s.sku, ahead.orders + 1 AS position, ahead.orders AS orders_ahead, ahead.units AS units_ahead,
                       s.quantity - s.allocated AS units_needed
                  FROM order_stock s
                  JOIN orders o ON o.order_id = s.order_id
                 CROSS JOIN LATERAL (
                       SELECT count(*) AS orders, coalesce(sum(w.quantity - w.allocated), 0) AS units
                         FROM order_stock w JOIN orders q ON q.order_id = w.order_id
                        WHERE w.sku = s.sku AND w.state = 'WAITING'
                          AND (-q.priority, q.placed_at, w.order_id) < (-o.priority, o.placed_at, s.order_id)) ahead
                 WHERE s.order_id = ? AND s.state = 'WAITING'""").param(orderId).query(QueuePlace.class).optional();
    }
}
