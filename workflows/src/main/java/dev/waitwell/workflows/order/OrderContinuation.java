package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderStatus;
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
 * <p>A continuation is written by the code of one run and may be read by newer code: a deployment can fall
 * between two runs. Hence, when changing it:
 * <ul>
 * <li>Every field added from now on is optional: null, 0 or false means absent, because continuations written
 *     by older code lack it, and the reading side must then behave as the code did before the field existed.
 *     (The fields checked in the constructor were there from the first continuation on.) Fields and phases are
 *     never renamed or removed while an order may still carry them: the JSON names both.</li>
 * <li>A continued run starts a new history without version markers, so every {@code Workflow.getVersion} in it
 *     answers the newest version, whatever version the earlier runs took. A future {@code getVersion} change
 *     must therefore work on a continuation written by older code (an order that started before the change),
 *     or carry the version its first run took in the continuation (a new optional field) and branch on that.</li>
 * </ul>
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

    /**
     * The waits an order may continue as new in. A continued run skips every step before its phase, and which
     * steps those are is decided by {@link #position()}, never by declaration order or ordinal: a phase inserted
     * later must not move where the continuations already in flight resume. So a phase's position never changes,
     * a new phase takes a free number between the waits it comes between (the gaps are left for that), and the
     * JSON carries the phase by name.
     */
    public enum Phase {
        /** A pre-order before its pre-release reminder went out. */
        RELEASE_REMINDER(10),
        /** A pre-order after the reminder, before its release. */
        RELEASE(20),
        /** Paid as the plan requires; waiting for units. */
        STOCK(30),
        /** Ready to ship; waiting for the warehouse. */
        SHIPMENT(40);

        private final int position;

        Phase(int position) {
            this.position = position;
        }

        /** Where this wait comes in the order's script: a higher number comes later. Never changes. */
        int position() {
            return position;
        }

        /** Whether this wait is {@code other} or comes after it in the script. */
        boolean isAtOrAfter(Phase other) {
            return position >= other.position;
        }
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
