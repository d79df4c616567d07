package dev.waitwell.api.inventory;

import java.util.List;

/**
 * A receipt and what it did: the orders it allocated units to, in queue order, and the product's stock after.
 *
 * @param duplicate true when the reference had been received before: nothing changed this time
 * @param allocations who got what from this receipt
 */
record ReceiptView(
        long receiptId,
        String sku,
        String reference,
        int quantity,
        String purchaseOrderId,
        boolean duplicate,
        List<Allocation> allocations,
        Stock stock) {

    /**
     * @param quantity units this receipt allocated to the order
     * @param allocatedUnits units the order holds now, from every allocation
     * @param orderQuantity units the order needs in all
     */
    record Allocation(String orderId, int quantity, int allocatedUnits, int orderQuantity) {}

    record Stock(int onHand, int allocated, int backordered, int preordered) {}

    ReceiptView asDuplicate() {
        return new ReceiptView(receiptId, sku, reference, quantity, purchaseOrderId, true, allocations, stock);
    }
}
