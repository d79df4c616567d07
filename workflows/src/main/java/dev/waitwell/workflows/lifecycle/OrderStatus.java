package dev.waitwell.workflows.lifecycle;

/** Where an order stands. Written to PostgreSQL at every change, for the API's lists and timeline. */
public enum OrderStatus {
    /** A pre-order waiting for the product's release. */
    AWAITING_RELEASE,
    /** A charge was declined; waiting for a retry or a new payment method until the grace period ends. */
    AWAITING_PAYMENT,
    /** Paid as the plan requires; waiting for units of stock to be allocated to it. */
    AWAITING_STOCK,
    /** The promise slipped: waiting for the customer's choice (wait, switch, cancel) until the window ends. */
    AWAITING_DECISION,
    /** Paid and allocated; the warehouse has a fulfilment request. */
    READY_TO_SHIP,
    /** The warehouse confirmed the shipment; revenue is booked. Final. */
    SHIPPED,
    /** Cancelled; everything paid was refunded. Final. */
    CANCELLED;

    public boolean isFinal() {
        return this == SHIPPED || this == CANCELLED;
    }
}
