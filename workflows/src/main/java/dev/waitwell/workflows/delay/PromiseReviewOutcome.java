package dev.waitwell.workflows.delay;

/** How many waiting orders the review found with a different promise (each gets one signal). */
public record PromiseReviewOutcome(String reviewId, String sku, int ordersChanged) {}
