package dev.waitwell.api.order;

import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.shared.DelayChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A delay waiting for the customer's choice, as order views show it.
 *
 * @param newDate the new promised date, or null when none can be promised
 * @param deadline when the window for a choice ends
 * @param silenceMeansWait true: no answer by the deadline counts as WAIT; false: it cancels with a full refund
 * @param alternatives the product's alternatives in stock for this order now, with their unit price (only when
 *     SWITCH is offered)
 */
public record DecisionView(
        int delayNumber,
        LocalDate newDate,
        String reason,
        List<DelayChoice> choices,
        Instant deadline,
        boolean silenceMeansWait,
        List<Alternative> alternatives) {

    public DecisionView {
        choices = List.copyOf(choices);
        alternatives = List.copyOf(alternatives);
    }

    /** An in-stock alternative the order can switch to; its unit price in minor units of the order's currency. */
    public record Alternative(String sku, String name, long unitPrice, String currency) {}

    static DecisionView of(OpenDecision open, List<Alternative> alternatives) {
        return new DecisionView(
                open.delayNumber(),
                open.newDate(),
                open.reason(),
                open.choices(),
                open.deadline(),
                open.silenceMeansWait(),
                open.choices().contains(DelayChoice.SWITCH) ? alternatives : List.of());
    }
}
