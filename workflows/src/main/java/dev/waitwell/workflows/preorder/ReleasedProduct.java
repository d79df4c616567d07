package dev.waitwell.workflows.preorder;

import java.util.List;

/** A product marked released, and the open pre-orders that must hear of it. */
public record ReleasedProduct(String sku, List<String> waitingOrderIds) {

    public ReleasedProduct {
        waitingOrderIds = waitingOrderIds == null ? List.of() : List.copyOf(waitingOrderIds);
    }
}
