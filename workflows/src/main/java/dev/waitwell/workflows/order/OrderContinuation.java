package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.CarriedPromise;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.inventory.CarriedStock;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.RunState;
import dev.waitwell.workflows.payment.CarriedPayments;
import dev.waitwell.workflows.payment.OutstandingCharge;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one run of an order hands to the next when it continues as new: where it stopped and everything it
 * gathered on the way. Counters and seen ids travel too, because the keys the activities deduplicate on
 * are built from them: a run that started counting again would repeat {@code status-3} or
 * {@code WAIT_REMINDER-2}, and the database would silently drop the new event or message as a retry.
 *
 * <p>A run ends only in one of the waits of {@link OrderPhase}, between two steps, so some state is never carried
 * from run to run: an open delay decision, a declined charge waiting for a retry, a shipment or a cancellation being
 * handled (the run goes on until they are done). What the order waits for, and until when, is set again by the
 * resumed wait. A run rebuilt from PostgreSQL, though, may start inside a decision or a declined charge: those come
 * in the optional fields below, and the resumed wait (or charge) takes them up.
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
 * @param rebuiltAt set in the continuation of a run rebuilt from PostgreSQL ({@link PlaceOrderInput#rebuiltFrom}):
 *     when the database was read; null for a run continued by its predecessor
 * @param openDecision a rebuilt run only: the delay decision the order waited on, open again from the run's start
 *     with its original deadline and choices; the wait of {@code phase} waits for its answer first
 * @param outstandingCharge a rebuilt run only (or its successor, if it continued before reaching the charge): the
 *     declined charge the order waited on in {@code AWAITING_PAYMENT}, waited on again where the script charges it
 * @param timelineCounts how many timeline entries of each kind the order has ({@code status:AWAITING_STOCK} to 2):
 *     timeline keys with stable names go on from here; absent (empty) in continuations from before them
 * @param balanceChargedBefore a rebuilt run only: the balance the lost run had charged already (minor units), so that
 *     the customer is told what was charged though nothing is due any more; 0 otherwise
 */
public record OrderContinuation(
        int run,
        OrderPhase phase,
        OrderStatus status,
        OrderItem item,
        boolean switched,
        boolean released,
        boolean fulfilmentRequested,
        int eventSequence,
        CarriedPayments payments,
        CarriedStock stock,
        CarriedPromise delays,
        Instant rebuiltAt,
        OpenDecision openDecision,
        OutstandingCharge outstandingCharge,
        Map<String, Integer> timelineCounts,
        long balanceChargedBefore) {

    public OrderContinuation {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(delays, "delays");
        // Sorted, so that the next run's input is written the same way on every replay.
        timelineCounts = timelineCounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(timelineCounts));
    }

    /** A continuation as runs hand it on, before rebuilt runs and stable timeline keys existed. */
    public OrderContinuation(
            int run,
            OrderPhase phase,
            OrderStatus status,
            OrderItem item,
            boolean switched,
            boolean released,
            boolean fulfilmentRequested,
            int eventSequence,
            CarriedPayments payments,
            CarriedStock stock,
            CarriedPromise delays) {
        this(
                run,
                phase,
                status,
                item,
                switched,
                released,
                fulfilmentRequested,
                eventSequence,
                payments,
                stock,
                delays,
                null,
                null,
                null,
                null,
                0);
    }

    /** The continuation of a run that stops in {@code phase}, from its shared state and every step's. */
    static OrderContinuation of(
            int run,
            OrderPhase phase,
            RunState state,
            boolean fulfilmentRequested,
            CarriedPayments payments,
            CarriedStock stock,
            CarriedPromise delays,
            OutstandingCharge outstandingCharge,
            Map<String, Integer> timelineCounts) {
        return new OrderContinuation(
                run,
                phase,
                state.status(),
                state.item(),
                state.switched(),
                state.released(),
                fulfilmentRequested,
                state.eventSequence(),
                payments,
                stock,
                delays,
                null,
                null,
                outstandingCharge,
                timelineCounts,
                0);
    }

    /** The shared state the next run starts with (the totals travel with the payments, the date with the promise). */
    RunState runState() {
        return new RunState(
                status,
                item,
                delays.promisedDate(),
                released,
                switched,
                eventSequence,
                payments.paid(),
                payments.refunded());
    }
}
