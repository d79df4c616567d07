package dev.waitwell.api.order;

import dev.waitwell.workflows.recovery.RebuildResult;
import java.time.Instant;

/**
 * The answer to support's rebuild of an order: a resumed run was started from the database.
 *
 * @param outcome {@code REBUILT}
 * @param status the order's status in the database, where the resumed run goes on from
 * @param rebuiltAt when it was rebuilt
 * @param runId the resumed run of the order's workflow
 * @param detail a sentence for support
 */
record RecoveryView(String orderId, String outcome, String status, Instant rebuiltAt, String runId, String detail) {

    static RecoveryView of(RebuildResult result) {
        return new RecoveryView(
                result.orderId(),
                result.outcome().name(),
                result.status(),
                result.rebuiltAt(),
                result.runId(),
                result.detail());
    }
}
