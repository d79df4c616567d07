/**
 * The API's side of payments: which payment methods the configured gateway takes (with Stripe any well-formed
 * PaymentMethod id, with the sandbox its table; checked at checkout and on a change of method), what an order was
 * charged, refunded and disputed (read from the tables the payment activities and Stripe's webhook write), and
 * Stripe's webhook itself: each signed event once, a charge that waited on the customer's bank resolved by a
 * signal to its order, refunds made in Stripe reconciled by a workflow, disputes recorded and audited.
 */
package dev.waitwell.api.payment;
