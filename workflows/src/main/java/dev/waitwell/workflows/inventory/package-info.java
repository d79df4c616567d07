/**
 * An order's units and the stock they come from: the order's allocation step (count allocations once, wait for
 * the rest, give units back), receipts, the allocation fan-out that tells waiting orders, and the stock
 * activities' contract.
 */
package dev.waitwell.workflows.inventory;
