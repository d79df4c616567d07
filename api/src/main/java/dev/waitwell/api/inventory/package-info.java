/**
 * Inventory: goods in. A receipt (against a purchase order or not) runs the receipt's workflow, which records
 * it and allocates the units to waiting orders in queue order in one transaction; the answer says who got what,
 * read back from the allocations table. Also an order's side of it: the allocations it got, and its place in the
 * queue while it waits.
 */
package dev.waitwell.api.inventory;
