package dev.waitwell.api.inventory;

/**
 * Where a waiting order stands in its product's allocation queue now: the next units go to higher priority
 * first, then earlier placement, then the lower order id.
 *
 * @param position 1 for the head of the queue
 * @param ordersAhead waiting orders served before it
 * @param unitsAhead units those orders still need, which a receipt fills before this order gets any
 * @param unitsNeeded units this order still needs
 */
public record QueuePlace(String sku, long position, long ordersAhead, long unitsAhead, int unitsNeeded) {}
