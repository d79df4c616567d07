/**
 * Charges and refunds through a {@link dev.waitwell.activities.payment.PaymentGateway} (the PostgreSQL-backed
 * sandbox by default), each recorded in {@code payments} and booked in the ledger in one transaction.
 */
package dev.waitwell.activities.payment;
