package dev.waitwell.api;

import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.inventory.AllocationPage;
import dev.waitwell.workflows.inventory.PendingAllocation;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stands in for the worker's stock activities in the API tests: records a receipt and allocates it to the
 * waiting orders of the sku in queue order (priority, placement, order id; the head takes a partial share),
 * in one transaction, as the activities module does, but row by row. Counts its calls so that tests can
 * say nothing was started.
 */
public class StockActivitiesFake implements StockActivities {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtomicInteger receives = new AtomicInteger();

    StockActivitiesFake(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public int receives() {
        return receives.get();
    }

    @Override
    public ReceiptOutcome receive(StockReceipt receipt) {
        receives.incrementAndGet();
        return transaction.execute(status -> receiveLocked(receipt));
    }

    private ReceiptOutcome receiveLocked(StockReceipt receipt) {
        String sku = receipt.sku();
        if (jdbc.sql("SELECT sku FROM products WHERE sku = ? FOR UPDATE")
                .param(sku)
                .query(String.class)
                .optional()
                .isEmpty()) {
            throw BusinessFailure.PRODUCT_NOT_FOUND.raise("No product " + sku);
        }
        var existing = jdbc.sql("SELECT id, quantity, purchase_order_id, batch_id FROM stock_receipts "
                        + "WHERE sku = ? AND reference = ?")
                .params(sku, receipt.reference())
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getObject(4)})
                .optional();
        if (existing.isPresent()) {
            Object[] row = existing.get();
            if ((int) row[1] != receipt.quantity() || !Objects.equals(row[2], receipt.purchaseOrderId())) {
                throw BusinessFailure.RECEIPT_CONFLICT.raise("Receipt " + receipt.reference() + " holds other goods");
            }
            return new ReceiptOutcome(
                    (long) row[0],
                    sku,
                    receipt.quantity(),
                    receipt.reference(),
                    true,
                    row[3] == null ? null : batch((Long) row[3], sku));
        }
        if (receipt.purchaseOrderId() != null) {
            Integer open = jdbc.sql(
                            "SELECT quantity - received FROM purchase_orders WHERE id = ? AND sku = ? FOR UPDATE")
                    .params(receipt.purchaseOrderId(), sku)
                    .query(Integer.class)
                    .optional()
                    .orElseThrow(() -> BusinessFailure.PURCHASE_ORDER_NOT_FOUND.raise(
                            "No purchase order " + receipt.purchaseOrderId()));
            if (receipt.quantity() > open) {
                throw BusinessFailure.RECEIPT_EXCEEDS_PURCHASE_ORDER.raise(open + " open");
            }
            jdbc.sql("UPDATE purchase_orders SET received = received + ? WHERE id = ?")
                    .params(receipt.quantity(), receipt.purchaseOrderId())
                    .update();
        }
        long receiptId = jdbc.sql("""
                INSERT INTO stock_receipts (sku, reference, quantity, purchase_order_id, received_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(sku, receipt.reference(), receipt.quantity(), receipt.purchaseOrderId(), receipt.receivedBy())
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE products SET on_hand = on_hand + ?, stock_tracked = true WHERE sku = ?")
                .params(receipt.quantity(), sku)
                .update();
        AllocationBatch batch = allocate(sku, "RECEIPT", String.valueOf(receiptId));
        if (batch != null) {
            jdbc.sql("UPDATE stock_receipts SET batch_id = ? WHERE id = ?")
                    .params(batch.batchId(), receiptId)
                    .update();
        }
        return new ReceiptOutcome(receiptId, sku, receipt.quantity(), receipt.reference(), false, batch);
    }

    /**
     * Releases the product as the release activity does: its pre-orders join the queue, launch stock arrives
     * with them unless the product's stock is tracked, and the queue is served. Idempotent: a product released
     * before answers its release's batch again.
     */
    public AllocationBatch release(String sku) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT sku FROM products WHERE sku = ? FOR UPDATE")
                    .param(sku)
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE products SET released_at = coalesce(released_at, now()) WHERE sku = ?")
                    .param(sku)
                    .update();
            int joined = jdbc.sql("""
                    UPDATE order_stock SET state = 'WAITING' WHERE sku = ? AND state = 'PREORDERED'""").param(sku).update();
            if (joined == 0) {
                return jdbc.sql("SELECT id FROM allocation_batches WHERE source = 'RELEASE' AND source_ref = ?")
                        .param(sku)
                        .query(Long.class)
                        .optional()
                        .map(id -> batch(id, sku))
                        .orElse(null);
            }
            jdbc.sql("""
                    UPDATE products SET backordered = backordered + preordered,
                           on_hand = on_hand + CASE WHEN stock_tracked THEN 0 ELSE preordered END, preordered = 0
                     WHERE sku = ?""").param(sku).update();
            return allocate(sku, "RELEASE", sku);
        });
    }

    private AllocationBatch allocate(String sku, String source, String sourceRef) {
        int available = jdbc.sql("SELECT on_hand FROM products WHERE sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
        List<Object[]> waiting = jdbc.sql("""
                SELECT s.order_id, s.quantity - s.allocated FROM order_stock s JOIN orders o ON o.order_id = s.order_id
                 WHERE s.sku = ? AND s.state = 'WAITING' ORDER BY o.priority DESC, o.placed_at, o.order_id""")
                .param(sku)
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .list();
        Long batchId = null;
        int units = 0;
        int orders = 0;
        for (Object[] order : waiting) {
            int take = Math.min((int) order[1], available);
            if (take == 0) {
                break;
            }
            if (batchId == null) {
                batchId = jdbc.sql("INSERT INTO allocation_batches (sku, source, source_ref) VALUES (?, ?, ?) "
                                + "RETURNING id")
                        .params(sku, source, sourceRef)
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("""
                    UPDATE order_stock SET allocated = allocated + :take,
                           state = CASE WHEN allocated + :take = quantity THEN 'ALLOCATED' ELSE 'WAITING' END
                     WHERE order_id = :orderId""").param("take", take).param("orderId", order[0]).update();
            jdbc.sql("INSERT INTO allocations (batch_id, order_id, quantity) VALUES (?, ?, ?)")
                    .params(batchId, order[0], take)
                    .update();
            available -= take;
            units += take;
            orders++;
        }
        jdbc.sql("UPDATE products SET on_hand = on_hand - ?, allocated = allocated + ?, backordered = backordered - ? "
                        + "WHERE sku = ?")
                .params(units, units, units, sku)
                .update();
        return batchId == null ? null : new AllocationBatch(batchId, sku, units, orders);
    }

    private AllocationBatch batch(long batchId, String sku) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0), count(*) FROM allocations WHERE batch_id = ?")
                .param(batchId)
                .query((rs, row) -> new AllocationBatch(batchId, sku, rs.getInt(1), rs.getInt(2)))
                .single();
    }

    @Override
    public List<PendingAllocation> allocations(AllocationPage page) {
        // As the real activity: asking for the page after an allocation records the ones up to it as signalled.
        jdbc.sql("UPDATE allocations SET signalled_at = now() WHERE batch_id = ? AND id <= ? AND signalled_at IS NULL")
                .params(page.batchId(), page.afterAllocationId())
                .update();
        return jdbc.sql("SELECT id, order_id, quantity FROM allocations WHERE batch_id = ? AND id > ? "
                        + "AND signalled_at IS NULL ORDER BY id LIMIT ?")
                .params(page.batchId(), page.afterAllocationId(), page.limit())
                .query((rs, row) -> new PendingAllocation(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }
}
