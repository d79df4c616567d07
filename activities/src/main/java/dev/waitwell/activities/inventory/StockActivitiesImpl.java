package dev.waitwell.activities.inventory;

import dev.waitwell.activities.shared.ConstraintViolations;
import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.inventory.AllocationPage;
import dev.waitwell.workflows.inventory.PendingAllocation;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.shared.Bounds;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Goods in, idempotent by (sku, reference): the product row is locked before the reference is looked up,
 * so the same receipt sent twice at once is recorded by the first and answered from it for the second.
 */
@Component("stockActivities")
class StockActivitiesImpl implements StockActivities {

    private static final Logger log = LoggerFactory.getLogger(StockActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StockAllocator allocator;

    StockActivitiesImpl(JdbcClient jdbc, TransactionTemplate transactions, StockAllocator allocator) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.allocator = allocator;
    }

    @Override
    public ReceiptOutcome receive(StockReceipt receipt) {
        return ConstraintViolations.failForGood(
                "Receipt " + receipt.reference() + " of " + receipt.sku(),
                () -> transactions.execute(tx -> recordAndAllocate(receipt)));
    }

    private ReceiptOutcome recordAndAllocate(StockReceipt receipt) {
        StockAllocator.LockedProduct product = allocator.lockProduct(receipt.sku());
        Optional<RecordedReceipt> recorded = recorded(receipt);
        if (recorded.isPresent()) {
            return duplicate(receipt, recorded.get());
        }
        requireRoomFor(product, receipt);
        if (receipt.purchaseOrderId() != null) {
            receiveAgainstPurchaseOrder(receipt);
        }
        long receiptId = jdbc.sql("""
                        INSERT INTO stock_receipts (sku, reference, quantity, purchase_order_id, received_by)
                        VALUES (:sku, :reference, :quantity, :purchaseOrderId, :receivedBy)
                        RETURNING id""")
                .param("sku", receipt.sku())
                .param("reference", receipt.reference())
                .param("quantity", receipt.quantity())
                .param("purchaseOrderId", receipt.purchaseOrderId())
                .param("receivedBy", Objects.requireNonNullElse(receipt.receivedBy(), "unknown"))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        UPDATE products SET on_hand = on_hand + :quantity, stock_tracked = true, updated_at = now()
                         WHERE sku = :sku""")
                .param("quantity", receipt.quantity())
                .param("sku", receipt.sku())
                .update();
        AllocationBatch batch = allocator.allocate(
                receipt.sku(), BatchSource.RECEIPT, Long.toString(receiptId), "receipt " + receipt.reference());
        if (batch != null) {
            jdbc.sql("UPDATE stock_receipts SET batch_id = :batch WHERE id = :id")
                    .param("batch", batch.batchId())
                    .param("id", receiptId)
                    .update();
        }
        log.info(
                "Received {} x {} ({}), {} orders allocated",
                receipt.quantity(),
                receipt.sku(),
                receipt.reference(),
                batch == null ? 0 : batch.ordersAllocated());
        return new ReceiptOutcome(receiptId, receipt.sku(), receipt.quantity(), receipt.reference(), false, batch);
    }

    private static void requireRoomFor(StockAllocator.LockedProduct product, StockReceipt receipt) {
        if (product.heldUnits() + receipt.quantity() > Bounds.MAX_STOCK_UNITS) {
            throw BusinessFailure.STOCK_LIMIT_EXCEEDED.raise("product " + receipt.sku() + " holds "
                    + product.heldUnits() + " units (on hand and allocated) of at most " + Bounds.MAX_STOCK_UNITS
                    + ", " + receipt.quantity() + " received");
        }
    }

    @Override
    public List<PendingAllocation> allocations(AllocationPage page) {
        // The fan-out asks for the next page once the previous one was signalled: that is the record of it.
        jdbc.sql("""
                        UPDATE allocations SET signalled_at = now()
                         WHERE batch_id = :batchId AND id <= :after AND signalled_at IS NULL""")
                .param("batchId", page.batchId())
                .param("after", page.afterAllocationId())
                .update();
        return jdbc.sql("""
                        SELECT id, order_id, quantity FROM allocations
                         WHERE batch_id = :batchId AND id > :after AND signalled_at IS NULL
                         ORDER BY id LIMIT :limit""")
                .param("batchId", page.batchId())
                .param("after", page.afterAllocationId())
                .param("limit", page.limit())
                .query((rs, n) ->
                        new PendingAllocation(rs.getLong("id"), rs.getString("order_id"), rs.getInt("quantity")))
                .list();
    }

    private Optional<RecordedReceipt> recorded(StockReceipt receipt) {
        return jdbc.sql("""
                        SELECT id, quantity, purchase_order_id FROM stock_receipts
                         WHERE sku = :sku AND reference = :reference""")
                .param("sku", receipt.sku())
                .param("reference", receipt.reference())
                .query((rs, n) ->
                        new RecordedReceipt(rs.getLong("id"), rs.getInt("quantity"), rs.getString("purchase_order_id")))
                .optional();
    }

    private ReceiptOutcome duplicate(StockReceipt receipt, RecordedReceipt recorded) {
        if (recorded.quantity() != receipt.quantity()
                || !Objects.equals(recorded.purchaseOrderId(), receipt.purchaseOrderId())) {
            throw BusinessFailure.RECEIPT_CONFLICT.raise("receipt " + receipt.reference() + " of " + receipt.sku()
                    + " was recorded with " + recorded.quantity() + " units"
                    + (recorded.purchaseOrderId() == null ? "" : " against " + recorded.purchaseOrderId()));
        }
        AllocationBatch batch = allocator
                .batchOf(BatchSource.RECEIPT, Long.toString(recorded.id()))
                .orElse(null);
        log.info("Receipt {} of {} was recorded already", receipt.reference(), receipt.sku());
        return new ReceiptOutcome(recorded.id(), receipt.sku(), recorded.quantity(), receipt.reference(), true, batch);
    }

    private void receiveAgainstPurchaseOrder(StockReceipt receipt) {
        int open = jdbc.sql("""
                        SELECT quantity - received FROM purchase_orders
                         WHERE id = :id AND sku = :sku FOR UPDATE""")
                .param("id", receipt.purchaseOrderId())
                .param("sku", receipt.sku())
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> BusinessFailure.PURCHASE_ORDER_NOT_FOUND.raise(
                        "no purchase order " + receipt.purchaseOrderId() + " for " + receipt.sku()));
        if (receipt.quantity() > open) {
            throw BusinessFailure.RECEIPT_EXCEEDS_PURCHASE_ORDER.raise("purchase order " + receipt.purchaseOrderId()
                    + " has " + open + " units open, " + receipt.quantity() + " received");
        }
        jdbc.sql("UPDATE purchase_orders SET received = received + :quantity, updated_at = now() WHERE id = :id")
                .param("quantity", receipt.quantity())
                .param("id", receipt.purchaseOrderId())
                .update();
    }

    private record RecordedReceipt(long id, int quantity, String purchaseOrderId) {}
}
