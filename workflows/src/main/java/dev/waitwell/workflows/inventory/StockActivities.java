package dev.waitwell.workflows.inventory;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Stock arriving and the allocations it makes, each in one database transaction. */
@ActivityInterface
public interface StockActivities {

    /**
     * Records the receipt and allocates what is free to waiting orders in queue order (priority, then
     * placement, then order id), all in one transaction. Idempotent by (sku, reference).
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@code PRODUCT_NOT_FOUND},
     *     {@code PURCHASE_ORDER_NOT_FOUND}, {@code RECEIPT_EXCEEDS_PURCHASE_ORDER}, {@code RECEIPT_CONFLICT},
     *     {@code STOCK_LIMIT_EXCEEDED} (the product would hold more than {@code Bounds.MAX_STOCK_UNITS}) or
     *     {@code CONSTRAINT_VIOLATED} (a database invariant refused the write): nothing is recorded
     */
    ReceiptOutcome receive(StockReceipt receipt);

    /**
     * A page of a batch's allocations not yet signalled, to signal the orders. The fan-out asks for the page after
     * the last allocation it signalled, so asking records every allocation of the batch up to {@code
     * page.afterAllocationId()} as signalled (delivered, or its order's workflow was gone or closed: the order's
     * rebuild reads the allocation row): a run that replaces one lost part-way signals only the rest.
     */
    List<PendingAllocation> allocations(AllocationPage page);
}
