package dev.waitwell.workflows.lifecycle;

/**
 * The waits an order may continue as new in. A continued run skips every step before its phase, and which
 * steps those are is decided by {@link #position()}, never by declaration order or ordinal: a phase inserted
 * later must not move where the continuations already in flight resume. So a phase's position never changes,
 * a new phase takes a free number between the waits it comes between (the gaps are left for that), and the
 * JSON carries the phase by name.
 */
public enum OrderPhase {
    /** A pre-order before its pre-release reminder went out. */
    RELEASE_REMINDER(10),
    /** A pre-order after the reminder, before its release. */
    RELEASE(20),
    /** Paid as the plan requires; waiting for units. */
    STOCK(30),
    /** Ready to ship; waiting for the warehouse. */
    SHIPMENT(40);

    private final int position;

    OrderPhase(int position) {
        this.position = position;
    }

    /** Where this wait comes in the order's script: a higher number comes later. Never changes. */
    public int position() {
        return position;
    }

    /** Whether this wait is {@code other} or comes after it in the script. */
    public boolean isAtOrAfter(OrderPhase other) {
        return position >= other.position;
    }
}
