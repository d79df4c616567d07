package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.shared.DelayChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The delay an order waits on its customer for: what changed, which choices are offered, until when,
 * and what silence means.
 *
 * @param newDate the new promised date, or null (unknown)
 * @param silenceMeansWait true for a first, short delay with a definite date: no answer counts as WAIT;
 *     otherwise no answer cancels the order with a full refund
 */
public record OpenDecision(
        int delayNumber,
        LocalDate newDate,
        String reason,
        List<DelayChoice> choices,
        Instant deadline,
        boolean silenceMeansWait) {

    public OpenDecision {
        choices = List.copyOf(choices);
    }
}
