package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.ChargePurpose;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What PostgreSQL records an order has done, read when Temporal no longer has the order's workflow (a local
 * restart, a namespace recreated, a run terminated by hand). A resumed run is built from it
 * ({@code PlaceOrderInput.rebuiltFrom}): it goes on from where the order stands, never from the beginning, and
 * every key it derives continues the ones already used, so no charge, refund, ledger line, message or timeline
 * entry is made twice. Pure data: filled by the worker from the database, interpreted by the workflow.
 *
 * @param rebuiltAt when the record was read (the resumed run reports it as the order's last rebuild)
 * @param status the order's status ({@code orders.status}); never SHIPPED or CANCELLED
 * @param item the product the order is for now (the alternative after a switch)
 * @param switched whether the order was switched to an alternative
 * @param released whether the order no longer waits for a release (PRODUCT_RELEASED recorded, or switched to an
 *     in-stock item)
 * @param releaseReminderSent whether the pre-release reminder was recorded as sent
 * @param fulfilmentRequested whether the warehouse was asked to ship ({@code fulfilment_requests})
 * @param paymentMethod the method charged now
 * @param paid everything charged successfully, in minor units of the item's currency
 * @param refunded everything refunded
 * @param chargeAttempts how many numbered charge steps ({@code balance-1}, {@code balance-2}...) were used: the
 *     next one is {@code chargeAttempts + 1}
 * @param partialRefunds how many partial refunds (switch differences) were numbered
 * @param lastPaymentError the message of the last declined charge; null when none
 * @param declinedCharge the charge the order waits on in {@code AWAITING_PAYMENT}; null otherwise
 * @param allocatedUnits units allocated to the order now
 * @param allocationIds the allocations already counted (a repeated signal counts once)
 * @param promisedDate the date promised now; null when none can be promised
 * @param releaseAt pre-orders: when the product is released by itself now (the promise may have moved it)
 * @param delays how many delays were numbered (message keys {@code DELAYED-n}...)
 * @param reminders how many wait reminders were sent ({@code WAIT_REMINDER-n})
 * @param lastReminderAt when the last wait reminder (or, with none, the confirmation) was sent
 * @param improvements how many promise improvements were numbered ({@code PROMISE_IMPROVED-n})
 * @param decisionsSettled how many delay decisions were settled
 * @param rewardCode the reward code issued for a delay; null when none
 * @param seenChangeIds promise changes already handled (a repeated signal counts once)
 * @param openDecision the delay decision waiting on the customer, with its original deadline; null when none
 * @param timelineCounts how many timeline entries of each kind were recorded, by key prefix (for example
 *     {@code status:AWAITING_STOCK} or {@code event:PAYMENT_METHOD_CHANGED}): the next key of that kind is one
 *     more
 * @param lastEventSequence the highest number used in a position key ({@code status-n}, {@code event-n})
 * @param confirmationSent whether the CONFIRMED message was recorded: checkout was settled. When it was not (the
 *     workflow was lost during checkout), the rebuilt run does checkout again, whose keys find what it had done.
 * @param balancePaid the balance charged successfully so far (BALANCE charges), in minor units: a run lost between
 *     charging it and telling the customer still tells them what was charged
 */
public record OrderRecord(
        Instant rebuiltAt,
        OrderStatus status,
        OrderItem item,
        boolean switched,
        boolean released,
        boolean releaseReminderSent,
        boolean fulfilmentRequested,
        String paymentMethod,
        long paid,
        long refunded,
        int chargeAttempts,
        int partialRefunds,
        String lastPaymentError,
        DeclinedCharge declinedCharge,
        int allocatedUnits,
        List<Long> allocationIds,
        LocalDate promisedDate,
        Instant releaseAt,
        int delays,
        int reminders,
        Instant lastReminderAt,
        int improvements,
        int decisionsSettled,
        String rewardCode,
        List<String> seenChangeIds,
        OpenDecision openDecision,
        Map<String, Integer> timelineCounts,
        int lastEventSequence,
        boolean confirmationSent,
        long balancePaid) {

    public OrderRecord {
        Objects.requireNonNull(rebuiltAt, "rebuiltAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (status.isFinal()) {
            throw new IllegalArgumentException("A " + status + " order is finished and never runs again");
        }
        allocationIds = allocationIds == null ? List.of() : List.copyOf(allocationIds);
        seenChangeIds = seenChangeIds == null ? List.of() : List.copyOf(seenChangeIds);
        timelineCounts = timelineCounts == null ? Map.of() : Map.copyOf(timelineCounts);
    }

    /**
     * The charge an order in {@code AWAITING_PAYMENT} waits on: declined, or waiting on the customer's bank.
     *
     * @param step the charge's step ({@code balance-2}); its key is {@code <orderId>/charge/<step>}
     * @param amount what it charges, in minor units
     * @param declinedAt when it was first declined: the payment grace runs from here
     * @param awaitingBank true when the bank asks the customer to authenticate (the charge waits under its key)
     */
    public record DeclinedCharge(
            ChargePurpose purpose, String step, long amount, Instant declinedAt, boolean awaitingBank) {

        public DeclinedCharge {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(declinedAt, "declinedAt");
        }
    }
}
