/**
 * Orders: checkout (which decides the order's kind with the product row locked: a pre-order, an in-stock
 * order allocated at once, or a backorder with an honest promised date, and starts the order's workflow), the
 * order views for the shop, staff (everything about one order: payments, refunds, allocations, delay decisions,
 * promise history, the audit trail) and the customer's signed link, support's order list (from PostgreSQL), and
 * the staff actions (shipment, cancellation, payment method, payment retry as workflow updates; the queue
 * priority in the database).
 */
package dev.waitwell.api.order;
