package dev.waitwell.workflows.inventory;

import java.util.Objects;

/** Units of a product held for one order. */
public record StockRequest(String orderId, String sku, int quantity) {

    public StockRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
