package dev.waitwell.workflows.delay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An order's promise was recomputed: the payload of its {@code promiseChanged} signal. Deduplicated by
 * {@code changeId}.
 *
 * @param newDate the new promised date, or null when no date can be promised any more (unknown)
 * @param newReleaseAt pre-orders whose release moved: the new release instant; null otherwise
 * @param reason why, in words the customer reads ("the supplier's shipment moved")
 */
public record PromiseChange(String changeId, LocalDate newDate, Instant newReleaseAt, String reason) {

    public PromiseChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(reason, "reason");
    }
}
