package dev.waitwell.workflows.delay;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Recomputing promises from the queue, purchase orders, restock ETA and release date. */
@ActivityInterface
public interface PromiseReviewActivities {

    /**
     * Recomputes the promised date of every waiting order of the product (pre-orders: the release date;
     * queued orders: {@code PromiseDates} by queue position; null when none can be promised) and records
     * one change per order whose promise differs from its stored one (changeId {@code review/<id>}).
     * Idempotent by review id.
     */
    PromiseReviewOutcome review(PromiseReview review);

    /**
     * A page of a review's changes not yet told ({@link #changesTold}), to signal the orders; changes of orders
     * that have closed are left out.
     */
    List<PendingPromiseChange> changes(PromiseChangePage page);

    /** Records these changes as told: a later run of the review leaves them out. */
    void changesTold(PromiseChangesTold told);
}
