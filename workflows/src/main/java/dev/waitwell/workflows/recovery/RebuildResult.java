package dev.waitwell.workflows.recovery;

import java.time.Instant;
import java.util.Objects;

/**
 * What a rebuild did.
 *
 * @param outcome whether a resumed run was started, and if not, why not
 * @param status the order's status in the database
 * @param rebuiltAt when the order's workflow was last rebuilt (now when {@code REBUILT}); null when never
 * @param runId the run started; null unless {@code REBUILT}
 * @param detail a sentence for support and the log
 */
public record RebuildResult(
        RebuildResult.Outcome outcome, String orderId, String status, Instant rebuiltAt, String runId, String detail) {

    public RebuildResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(orderId, "orderId");
    }

    public enum Outcome {
        /** A resumed run was started from the database. */
        REBUILT,
        /** Temporal runs the order's workflow: nothing to rebuild. */
        RUNNING,
        /** The order is SHIPPED or CANCELLED: it never runs again. */
        FINISHED,
        /** No such order. */
        NOT_FOUND
    }
}
