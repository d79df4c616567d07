package dev.waitwell.workflows.preorder;

import io.temporal.activity.ActivityInterface;

/** The database side of a release. */
@ActivityInterface
public interface ReleaseActivities {

    /** Marks the product released today (idempotent) and lists its open pre-orders. */
    ReleasedProduct markReleased(ReleaseRequest request);
}
