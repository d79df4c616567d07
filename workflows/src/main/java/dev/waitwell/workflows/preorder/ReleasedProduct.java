package dev.waitwell.workflows.preorder;

import dev.waitwell.workflows.inventory.AllocationBatch;
import java.util.List;

/**
 * A product marked released, the open pre-orders that must hear of it, and the allocation the release
 * made from stock on hand (null in histories from before backorders).
 */
public record ReleasedProduct(String sku, List<String> waitingOrderIds, AllocationBatch allocation) {

    public ReleasedProduct {
        waitingOrderIds = waitingOrderIds == null ? List.of() : List.copyOf(waitingOrderIds);
    }
}
