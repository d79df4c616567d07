package dev.waitwell.workflows.notification;

/** The moments an order's customer hears about. Each has an email and an SMS template. */
public enum Milestone {
    /** The order is confirmed, with the promised date and what was charged. */
    CONFIRMED,
    /** The release is near; says what will be charged. */
    RELEASE_REMINDER,
    /** The product is released and the balance was charged. */
    CHARGED,
    /** The product is released and nothing more was charged (the order was paid in full). */
    RELEASED,
    /** A charge was declined; the customer may set a new payment method through the link. */
    PAYMENT_FAILED,
    /** The order shipped, with carrier and tracking number. */
    SHIPPED,
    /** The order was cancelled; says what was refunded. */
    CANCELLED
}
