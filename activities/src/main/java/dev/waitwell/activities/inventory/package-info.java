/**
 * Stock of a product and the allocation queue. Every change locks the product row first and runs in one
 * transaction; whatever frees units (a receipt, a release, a cancellation) allocates them at once to the
 * waiting orders in queue order (priority, placement, order id), the head taking a partial share.
 */
package dev.waitwell.activities.inventory;
