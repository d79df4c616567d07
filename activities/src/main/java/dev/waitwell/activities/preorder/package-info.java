/**
 * The database side of a product release: mark the product released once, list its open pre-orders.
 */
package dev.waitwell.activities.preorder;
