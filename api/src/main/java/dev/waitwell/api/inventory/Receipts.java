package dev.waitwell.api.inventory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side of receipts: products, purchase orders, recorded receipts and their allocations. */
@Component
class Receipts {

    private final JdbcClient jdbc;

    Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A purchase order's product and the units still to come on it. */
    record OpenPurchaseOrder(String id, String sku, int open) {}

    /** A recorded receipt: what a repeated one must match. */
    record Recorded(long id, String sku, String reference, int quantity, String purchaseOrderId, Long batchId) {}

    boolean productExists(String sku) {
        return jdbc.sql("SELECT count(*) FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The units the product holds: on hand and allocated (what a receipt adds to). */
    long heldUnits(String sku) {
        return jdbc.sql("SELECT on_hand::bigint + allocated FROM products WHERE sku = ?")
                .param(sku)
                .query(Long.class)
                .single();
    }

    Optional<OpenPurchaseOrder> purchaseOrder(String id) {
        return jdbc.sql("SELECT id, sku, quantity - received AS open FROM purchase_orders WHERE id = ?")
                .param(id)
                .query(OpenPurchaseOrder.class)
                .optional();
    }

    Optional<ReceiptView> view(long receiptId) {
        return jdbc.sql("SELECT sku, reference FROM stock_receipts WHERE id = ?")
                .param(receiptId)
                .query((rs, row) -> view(rs.getString("sku"), rs.getString("reference")))
                .optional()
                .flatMap(view -> view);
    }

    Optional<Recorded> recorded(String sku, String reference) {
        return jdbc.sql("""
                SELECT id, sku, reference, quantity, purchase_order_id, batch_id
                  FROM stock_receipts WHERE sku = ? AND reference = ?""").params(sku, reference).query(Recorded.class).optional();
    }

    /** The receipt as recorded, with the orders its batch allocated to and the product's stock now. */
    Optional<ReceiptView> view(String sku, String reference) {
        return recorded(sku, reference)
                .map(receipt -> new ReceiptView(
                        receipt.id(),
                        receipt.sku(),
                        receipt.reference(),
                        receipt.quantity(),
                        receipt.purchaseOrderId(),
                        false,
                        receipt.batchId() == null ? List.of() : allocations(receipt.batchId()),
                        stock(sku)));
    }

    private List<ReceiptView.Allocation> allocations(long batchId) {
        return jdbc.sql("""
                SELECT a.order_id, a.quantity, s.allocated AS allocated_units, s.quantity AS order_quantity
                  FROM allocations a JOIN order_stock s ON s.order_id = a.order_id
                 WHERE a.batch_id = ? ORDER BY a.id""").param(batchId).query(ReceiptView.Allocation.class).list();
    }

    private ReceiptView.Stock stock(String sku) {
        return jdbc.sql("SELECT on_hand, allocated, backordered, preordered FROM products WHERE sku = ?")
                .param(sku)
                .query(ReceiptView.Stock.class)
                .single();
    }
}
