/**
 * Pre-orders: the release of a product and its durable fan-out to the orders waiting for it.
 */
package dev.waitwell.workflows.preorder;
