/**
 * Orders: checkout (which reserves the pre-order and starts the order's workflow), the order views for
 * the shop, staff and the customer's signed link, and the staff actions that become workflow updates
 * (shipment, cancellation, payment method, payment retry).
 */
package dev.waitwell.api.order;
