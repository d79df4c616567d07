package dev.waitwell.workflows.delay;

/** One order's new promise from a review: the signal it must get. */
public record PendingPromiseChange(long id, String orderId, PromiseChange change) {}
