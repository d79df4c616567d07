/**
 * Charges, saved payment methods and refunds through a {@link dev.waitwell.activities.payment.PaymentGateway}: Stripe,
 * or a sandbox simulated in PostgreSQL, as {@code waitwell.payments.gateway} says. Each charge and refund is recorded
 * in {@code payments} and booked in the ledger in one transaction; refunds made at the processor are reconciled.
 */
package dev.waitwell.activities.payment;
