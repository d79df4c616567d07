package dev.waitwell.workflows.lifecycle;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The shared state of an order's run as a value: how a run starts (at checkout, or where the run it continues
 * stopped) and what it hands to the next one.
 *
 * @param item the product the order is for now (the alternative after a switch)
 * @param promisedDate the date promised now; null when no date can be promised
 * @param released whether the order no longer waits for a release (released, or switched to an in-stock item)
 * @param eventSequence the last number used in a timeline key ({@code status-n}, {@code event-n})
 * @param paid everything charged so far, in minor units of the item's currency
 * @param refunded everything refunded so far
 */
public record RunState(
        OrderStatus status,
        OrderItem item,
        LocalDate promisedDate,
        boolean released,
        boolean switched,
        int eventSequence,
        long paid,
        long refunded) {

    public RunState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(item, "item");
    }

    /** A run at checkout: nothing released, switched, recorded or paid yet. */
    public static RunState atCheckout(OrderStatus status, OrderItem item, LocalDate promisedDate) {
        return new RunState(status, item, promisedDate, false, false, 0, 0, 0);
    }
}
