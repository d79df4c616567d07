package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.PromiseChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one run of an order hands to the next when it continues as new: where it stopped and everything it
 * gathered on the way. Counters and seen ids travel too, because the keys the activities deduplicate on
 * are built from them: a run that started counting again would repeat {@code status-3} or
 * {@code WAIT_REMINDER-2}, and the database would silently drop the new event or message as a retry.
 *
 * <p>A run ends only in one of the waits of {@link Phase}, between two steps, so some state is never carried:
 * an open delay decision, a declined charge waiting for a retry, a shipment or a cancellation being handled
 * (the run goes on until they are done). What the order waits for, and until when, is set again by the
 * resumed wait.
 *
 * @param run the number of the run this starts (the first continuation starts run 2)
 * @param phase the wait the order was in, and resumes
 * @param item the product the order is for now (the alternative after a switch)
 * @param eventSequence the last number used in a timeline key ({@code status-n}, {@code event-n})
 */
public record OrderContinuation(
        int run,
        Phase phase,
        OrderStatus status,
        OrderItem item,
        boolean switched,
        boolean released,
        boolean fulfilmentRequested,
        int eventSequence,
        Payments payments,
        Stock stock,
        Delays delays) {

    public OrderContinuation {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(delays, "delays");
    }

    /** The waits an order may continue as new in, in the order of its script. */
    public enum Phase {
        /** A pre-order before its pre-release reminder went out. */
        RELEASE_REMINDER,
        /** A pre-order after the reminder, before its release. */
        RELEASE,
        /** Paid as the plan requires; waiting for units. */
        STOCK,
        /** Ready to ship; waiting for the warehouse. */
        SHIPMENT
    }

    /**
     * The money so far. {@code attempts} and {@code partialRefunds} number the charge and refund steps, whose
     * idempotency keys must never repeat.
     */
    public record Payments(String method, long paid, long refunded, String lastError, int attempts,
            int partialRefunds) {
    }

    /**
     * Units allocated so far, the allocation ids already counted (a repeated signal counts once), and whether
     * the allocations the database held before the order waited were read already.
     */
    public record Stock(int allocatedUnits, List<Long> allocationIds, boolean caughtUp) {

        public Stock {
            allocationIds = allocationIds == null ? List.of() : List.copyOf(allocationIds);
        }
    }

    /**
     * The promise and its history: the dates, when the next reminder is due, how many delays, reminders and
     * improvements were numbered, the reward code, the promise change ids already seen and changes received
     * but not handled yet.
     */
    public record Delays(LocalDate promisedDate, Instant releaseAt, Instant nextReminder, int delays, int reminders,
            int improvements, int decisionsSettled, String rewardCode, List<String> seenChangeIds,
            List<PromiseChange> pending) {

        public Delays {
            seenChangeIds = seenChangeIds == null ? List.of() : List.copyOf(seenChangeIds);
            pending = pending == null ? List.of() : List.copyOf(pending);
        }
    }
}
