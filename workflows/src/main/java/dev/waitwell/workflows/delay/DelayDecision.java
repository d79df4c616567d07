package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/**
 * A decision on an open delay, by the customer (through the signed link) or by support on their behalf.
 * For {@code SWITCH}, the API has checked that the alternative is offered and in stock, and states its
 * name and unit price.
 */
public record DelayDecision(
        DelayChoice choice,
        String alternativeSku,
        String alternativeName,
        Money alternativeUnitPrice,
        String decidedBy,
        String note) {

    public DelayDecision {
        Objects.requireNonNull(choice, "choice");
        decidedBy = decidedBy == null ? "customer" : decidedBy;
        if (choice == DelayChoice.SWITCH && (alternativeSku == null || alternativeUnitPrice == null)) {
            throw new IllegalArgumentException("a switch names the alternative and its price");
        }
    }
}
