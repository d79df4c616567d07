package dev.waitwell.workflows.preorder;

import io.temporal.activity.ActivityInterface;

/** The database side of a release. */
@ActivityInterface
public interface ReleaseActivities {

    /**
     * Marks the product released today, puts its pre-orders in the allocation queue and allocates stock on
     * hand to them, in one transaction; lists its open pre-orders that were not yet told of the release
     * ({@link #ordersTold}), and records them as to be told, so that a release Temporal lost part-way is found
     * and finished. Idempotent: a second call returns the first call's allocation. A product whose stock
     * Waitwell has never tracked (no receipt, no purchase order) receives its pre-ordered units as launch stock
     * with the release.
     */
    ReleasedProduct markReleased(ReleaseRequest request);

    /** Records these pre-orders as told of the release: a later run of the release leaves them out. */
    void ordersTold(ReleaseNotices told);

    /**
     * Signals these pre-orders that the product is released, one call to Temporal each, then records them as told
     * ({@link #ordersTold}). Answers how many had no workflow to tell (the order closed since the listing, or Temporal
     * lost it: its rebuild reads the release from the database). A retry signals the batch again, which an order
     * takes as the release it already knows.
     */
    int tellOrders(ReleaseNotices notices);
}
