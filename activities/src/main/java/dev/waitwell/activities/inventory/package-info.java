/**
 * Stock moves of an order's units: each a conditional update of {@code order_stock} and the product's
 * counters in one statement, so a retry finds the order already moved and changes nothing.
 */
package dev.waitwell.activities.inventory;
