package dev.waitwell.workflows.shared;

/** What a customer can do about a delay. */
public enum DelayChoice {
    /** Accept the new date (and the reward for patience). */
    WAIT,
    /** Take an in-stock alternative from the product's list now; the price difference is charged or refunded. */
    SWITCH,
    /** Cancel with a full refund. */
    CANCEL
}
