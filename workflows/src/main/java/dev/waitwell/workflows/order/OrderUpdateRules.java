package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.OrderStatus;

/**
 * When the order workflow's updates are accepted: plain rules over the order's state, used by the update
 * validators, which never change anything. A refusal names the order's state in words support can act on.
 */
final class OrderUpdateRules {

    private OrderUpdateRules() {}

    /** Only a paid and allocated order the warehouse was asked to ship, not yet shipped or being cancelled. */
    static void requireShippable(
            String orderId,
            OrderStatus status,
            boolean fulfilmentRequested,
            boolean hasShipment,
            boolean cancellationPending) {
        if (status == OrderStatus.READY_TO_SHIP && !fulfilmentRequested && !hasShipment && !cancellationPending) {
            // An order from stock says READY_TO_SHIP from checkout on; the warehouse is asked a moment later.
            throw new IllegalStateException("Order " + orderId + " is " + status
                    + " but the warehouse has not been asked to ship it yet: try again in a moment");
        }
        if (status != OrderStatus.READY_TO_SHIP || !fulfilmentRequested || hasShipment || cancellationPending) {
            throw new IllegalStateException("Order " + orderId + " is " + status
                    + (hasShipment ? " and already has a shipment" : "") + ": only an order that is "
                    + OrderStatus.READY_TO_SHIP + " can be shipped");
        }
    }

    /** Anything before shipment, once. */
    static void requireCancellable(
            String orderId, OrderStatus status, boolean cancellationPending, boolean hasShipment) {
        if (status.isFinal() || cancellationPending || hasShipment) {
            throw new IllegalStateException("Order " + orderId + " is " + status
                    + (cancellationPending && !status.isFinal() ? " and already being cancelled" : "")
                    + (hasShipment && !status.isFinal() ? " and being shipped" : "")
                    + ": it can no longer be cancelled");
        }
    }

    /** Any order that has not shipped or been cancelled. */
    static void requirePaymentMethodChangeable(String orderId, OrderStatus status) {
        if (status.isFinal()) {
            throw new IllegalStateException(
                    "Order " + orderId + " is " + status + ": its payment method can no longer change");
        }
    }

    /** Only an order waiting for payment after a decline. */
    static void requireDeclinedCharge(String orderId, OrderStatus status, boolean declineOutstanding) {
        if (status != OrderStatus.AWAITING_PAYMENT || !declineOutstanding) {
            throw new IllegalStateException("Order " + orderId + " is " + status + ", not "
                    + OrderStatus.AWAITING_PAYMENT + ": there is no declined payment to retry");
        }
    }
}
