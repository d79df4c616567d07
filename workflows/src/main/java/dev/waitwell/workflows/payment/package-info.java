/**
 * Payment contracts: charges by plan step and refunds, each idempotent by a key derived from the order.
 */
package dev.waitwell.workflows.payment;
