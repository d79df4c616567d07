package dev.waitwell.workflows.order;

/** A request to retry a declined charge now. */
public record PaymentRetry(String requestedBy) {}
