/**
 * Taking an order's money: the payment steps of the order workflow (charge by plan step, wait out declines within
 * the grace period, refund) and the payment activities' contract, each call idempotent by a key derived from the
 * order and the step.
 */
package dev.waitwell.workflows.payment;
