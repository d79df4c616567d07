package dev.waitwell.workflows.recovery;

import java.util.Objects;

/**
 * Rebuild one order's workflow from the database, unless Temporal runs it or the order is finished.
 *
 * @param requestedBy the staff member who asked (audited); null for the reconciler
 */
public record RebuildRequest(String orderId, RebuildTrigger trigger, String requestedBy) {

    public RebuildRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(trigger, "trigger");
    }
}
