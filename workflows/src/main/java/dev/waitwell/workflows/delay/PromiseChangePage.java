package dev.waitwell.workflows.delay;

/** The next changes of a review after {@code afterId}, at most {@code limit}, in id order. */
public record PromiseChangePage(String reviewId, long afterId, int limit) {}
