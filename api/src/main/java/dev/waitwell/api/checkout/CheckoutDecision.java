package dev.waitwell.api.checkout;

import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.PaymentPlan;
import dev.waitwell.workflows.shared.Money;
import java.time.LocalDate;

/**
 * What checkout decided for an order, before anything is written.
 *
 * @param plan the payment plan, FULL when a non-pre-order left it out
 * @param allocatedNow units taken from stock on hand at checkout
 * @param waitingUnits units the order waits for in the allocation queue (backorders only)
 * @param stockState the order's {@code order_stock.state}
 * @param latestAcceptableDate the latest promise the order accepts before WAIT is no longer offered on a delay;
 *     null for no limit
 */
record CheckoutDecision(
        OrderKind kind,
        OrderStatus status,
        PaymentPlan plan,
        LocalDate promisedDate,
        int allocatedNow,
        int waitingUnits,
        String stockState,
        LocalDate latestAcceptableDate) {

    static CheckoutDecision preorder(PaymentPlan plan, LocalDate releaseDate, LocalDate latestAcceptableDate) {
        return new CheckoutDecision(
                OrderKind.PREORDER,
                OrderStatus.AWAITING_RELEASE,
                plan,
                releaseDate,
                0,
                0,
                "PREORDERED",
                latestAcceptableDate);
    }

    static CheckoutDecision inStock(PaymentPlan plan, LocalDate today, int quantity) {
        return new CheckoutDecision(
                OrderKind.IN_STOCK, OrderStatus.READY_TO_SHIP, plan, today, quantity, 0, "ALLOCATED", null);
    }

    static CheckoutDecision backorder(
            PaymentPlan plan, LocalDate promise, int allocatedNow, int waitingUnits, LocalDate latestAcceptableDate) {
        return new CheckoutDecision(
                OrderKind.BACKORDER,
                OrderStatus.AWAITING_STOCK,
                plan,
                promise,
                allocatedNow,
                waitingUnits,
                "WAITING",
                latestAcceptableDate);
    }

    /** What the order pays at checkout: in-stock orders in full, whatever the plan; the others as their plan says. */
    long firstPayment(Money total, int depositPercent) {
        if (kind == OrderKind.IN_STOCK) {
            return total.amountMinor();
        }
        return switch (plan) {
            case FULL -> total.amountMinor();
            case DEPOSIT -> total.percent(depositPercent).amountMinor();
            case PAY_LATER -> 0L;
        };
    }
}
