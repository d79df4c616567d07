package dev.waitwell.workflows.lifecycle;

/**
 * How the reasons of cancellations the system makes itself begin. The reason is kept as written (the timeline, the
 * reports' cancellations by reason); messages recognise these beginnings and say them in the customer's language.
 */
public final class CancellationReasons {

    /** The grace after a declined charge ran out: followed by the grace ({@code PT72H}). */
    public static final String PAYMENT_NOT_RECEIVED = "payment not received within ";

    /** A delay decision nobody answered, where silence cancels: followed by the window. */
    public static final String NO_DELAY_ANSWER = "no answer to the delay notice within ";

    /** The customer chose CANCEL on a delay: followed by the delay's reason in brackets. */
    public static final String CANCELLED_AFTER_DELAY = "the customer chose to cancel after a delay (";

    private CancellationReasons() {}
}
