package dev.waitwell.activities.inventory;

/** What freed the units an allocation batch hands out, as stored in {@code allocation_batches.source}. */
enum BatchSource {
    /** Goods in; the batch's source_ref is the receipt id. */
    RECEIPT,
    /** A product release; source_ref is the sku. */
    RELEASE,
    /** A cancelled order's units; source_ref is the order id. */
    RETURN
}
