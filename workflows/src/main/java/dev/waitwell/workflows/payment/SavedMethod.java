package dev.waitwell.workflows.payment;

/**
 * The processor's answer to saving a payment method: its reference, and what stands in the way of charging it
 * later (null when nothing does). Saving never blocks an order: a later charge meets the same issue and is handled
 * there.
 */
public record SavedMethod(String reference, PaymentIssue issue) {}
