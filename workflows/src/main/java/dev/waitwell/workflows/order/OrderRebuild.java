package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.CarriedPromise;
import dev.waitwell.workflows.inventory.CarriedStock;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.CarriedPayments;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.OutstandingCharge;
import java.time.Instant;
import java.util.List;

/**
 * Reads what PostgreSQL records an order has done ({@link OrderRecord}) as the continuation of a run: the wait the
 * order stands in, and every counter its keys are built from, so the rebuilt run goes on where the lost one stopped.
 * The record's status says where: a pre-order before or after its reminder, the wait for units, the warehouse, or
 * inside one of those waits a delay decision or a declined charge.
 */
final class OrderRebuild {

    private OrderRebuild() {}

    static OrderContinuation continuationOf(PlaceOrderInput checkout, OrderRecord record) {
        OrderPhase phase = phaseOf(checkout, record);
        boolean preorder = checkout.kind() == OrderKind.PREORDER;
        // A pre-order waiting for units or the warehouse is past its release, whatever the record missed.
        boolean released = record.released() || (preorder && phase.isAtOrAfter(OrderPhase.STOCK));
        // Ready to ship means every unit is in, whatever was counted before.
        int allocated = record.status() == OrderStatus.READY_TO_SHIP ? checkout.quantity() : record.allocatedUnits();
        return new OrderContinuation(
                1, // the runs before are not known; the number only names runs in the logs
                phase,
                record.status(),
                record.item(),
                record.switched(),
                released,
                record.fulfilmentRequested(),
                record.lastEventSequence(),
                new CarriedPayments(
                        record.paymentMethod(),
                        record.paid(),
                        record.refunded(),
                        record.lastPaymentError(),
                        record.chargeAttempts(),
                        record.partialRefunds()),
                // Not caught up: allocations made after the record was read, while no workflow could be told, are
                // read again before the order waits (ids counted already count once).
                new CarriedStock(Math.min(allocated, checkout.quantity()), record.allocationIds(), false),
                new CarriedPromise(
                        record.promisedDate(),
                        preorder ? record.releaseAt() : null,
                        nextReminder(checkout, record),
                        record.delays(),
                        record.reminders(),
                        record.improvements(),
                        record.decisionsSettled(),
                        record.rewardCode(),
                        record.seenChangeIds(),
                        List.of()),
                record.rebuiltAt(),
                record.status() == OrderStatus.AWAITING_DECISION ? record.openDecision() : null,
                outstandingCharge(record),
                record.timelineCounts(),
                record.balancePaid());
    }

    /** The wait the order resumes in (or, for a declined charge or an open decision, the wait around it). */
    private static OrderPhase phaseOf(PlaceOrderInput checkout, OrderRecord record) {
        return switch (record.status()) {
            case AWAITING_RELEASE -> {
                requirePreorder(checkout, record);
                yield releaseWait(record);
            }
            case AWAITING_STOCK -> OrderPhase.STOCK;
            case READY_TO_SHIP -> record.fulfilmentRequested() ? OrderPhase.SHIPMENT : OrderPhase.STOCK;
            case AWAITING_DECISION -> {
                requireRecorded(record, record.openDecision(), "its open decision");
                yield checkout.kind() == OrderKind.PREORDER && !record.released()
                        ? releaseWait(record)
                        : OrderPhase.STOCK;
            }
            case AWAITING_PAYMENT -> {
                requireRecorded(record, record.declinedCharge(), "the declined charge it waits on");
                yield paymentWait(checkout, record);
            }
            case SHIPPED, CANCELLED -> throw new IllegalArgumentException("a finished order never runs again");
        };
    }

    /**
     * Where the script charges the declined charge: checkout's in the first wait after it, a pre-order's balance on
     * its release, anything else (a backorder's balance, a switch's difference) in the wait for units.
     */
    private static OrderPhase paymentWait(PlaceOrderInput checkout, OrderRecord record) {
        boolean preorder = checkout.kind() == OrderKind.PREORDER;
        if (record.declinedCharge().purpose() != ChargePurpose.BALANCE) {
            return preorder ? releaseWait(record) : OrderPhase.STOCK;
        }
        return preorder && !record.switched() ? OrderPhase.RELEASE : OrderPhase.STOCK;
    }

    private static OrderPhase releaseWait(OrderRecord record) {
        return record.releaseReminderSent() ? OrderPhase.RELEASE : OrderPhase.RELEASE_REMINDER;
    }

    /** The next wait reminder: an interval after the last one (or the confirmation); null when none was sent. */
    private static Instant nextReminder(PlaceOrderInput checkout, OrderRecord record) {
        return record.lastReminderAt() == null
                ? null
                : record.lastReminderAt().plus(checkout.policy().reminderInterval());
    }

    private static OutstandingCharge outstandingCharge(OrderRecord record) {
        OrderRecord.DeclinedCharge declined = record.declinedCharge();
        if (record.status() != OrderStatus.AWAITING_PAYMENT || declined == null) {
            return null;
        }
        return new OutstandingCharge(
                declined.purpose(), declined.step(), declined.amount(), declined.declinedAt(), declined.awaitingBank());
    }

    private static void requirePreorder(PlaceOrderInput checkout, OrderRecord record) {
        if (checkout.kind() != OrderKind.PREORDER) {
            throw new IllegalArgumentException(
                    "Order " + checkout.orderId() + " is a " + checkout.kind() + " but recorded " + record.status());
        }
    }

    private static void requireRecorded(OrderRecord record, Object part, String what) {
        if (part == null) {
            throw new IllegalArgumentException("An order in " + record.status() + " needs " + what + " recorded");
        }
    }
}
