/**
 * The database side of a product release: release the product once (its pre-orders join the allocation
 * queue, stock on hand is allocated to them), list its open pre-orders.
 */
package dev.waitwell.activities.preorder;
