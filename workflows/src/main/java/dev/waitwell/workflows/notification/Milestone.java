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
    /** The customer's bank asks them to confirm a charge: the link takes them to it. */
    PAYMENT_ACTION_REQUIRED,
    /** The order shipped, with carrier and tracking number. */
    SHIPPED,
    /** The order was cancelled; says what was refunded. */
    CANCELLED,
    /** The promise slipped: the new date (or unknown), why, the choices, the deadline and the reward. */
    DELAY_NOTICE,
    /** Good news: the order will come earlier than promised. */
    PROMISE_IMPROVED,
    /** The customer (or silence) chose to wait: the new date and the reward code. */
    DELAY_ACCEPTED,
    /** A periodic word while the order waits: the current promised date. */
    WAIT_REMINDER,
    /** The order switched to an alternative: what it is now and the price difference charged or refunded. */
    SWITCHED,
    /**
     * Support sent the customer the link to their order page again (not a moment of the order's own: the
     * {@link CustomerLinkWorkflow} sends it, never the order's workflow). Added last: names, not positions, are in
     * histories and rows.
     */
    LINK_RESENT,
    /**
     * Some days after shipment: how was the wait, 1 to 5 (an SMS reply, or the buttons of the order page the email
     * links). Sent by the {@code SurveyWorkflow}, never by the order's workflow. Added last, like LINK_RESENT.
     */
    SURVEY
}
