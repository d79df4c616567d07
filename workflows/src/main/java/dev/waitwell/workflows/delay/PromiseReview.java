package dev.waitwell.workflows.delay;

import java.util.Objects;

/**
 * Recompute the promises of every waiting order of a product after something moved (a purchase order's
 * date, the restock ETA, the release date, a short receipt). {@code reviewId} names the cause uniquely:
 * the same review twice changes nothing.
 *
 * @param afterChangeId where a continued run of the review workflow picks up (0 for a new review)
 * @param ordersTold how many orders earlier runs told
 */
public record PromiseReview(String reviewId, String sku, String reason, long afterChangeId, int ordersTold) {

    public PromiseReview {
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reason, "reason");
    }

    public PromiseReview(String reviewId, String sku, String reason) {
        this(reviewId, sku, reason, 0, 0);
    }

    PromiseReview continuedAfter(long changeId, int told) {
        return new PromiseReview(reviewId, sku, reason, changeId, told);
    }
}
