package dev.waitwell.workflows.inventory;

import java.util.Objects;

/**
 * Goods in: {@code quantity} units of {@code sku}, identified by the warehouse's {@code reference}
 * (unique per product: the same receipt twice adds stock once), optionally against a purchase order.
 */
public record StockReceipt(String sku, int quantity, String reference, String purchaseOrderId, String receivedBy) {

    public StockReceipt {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reference, "reference");
        if (quantity < 1) {
            throw new IllegalArgumentException("a receipt has at least one unit");
        }
    }
}
