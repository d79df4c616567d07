package dev.waitwell.workflows.recovery;

import io.temporal.activity.ActivityInterface;

/** The worker's side of a rebuild: reads the order from PostgreSQL and starts its resumed run. */
@ActivityInterface
public interface OrderRecoveryActivities {

    /** Idempotent: a second call while the resumed run is running answers {@code RUNNING}. */
    RebuildResult rebuild(RebuildRequest request);
}
