package dev.waitwell.workflows.shared;

import java.util.Arrays;
import java.util.Optional;

/** What a customer can do about a delay. */
public enum DelayChoice {
    /** Accept the new date (and the reward for patience). */
    WAIT,
    /** Take an in-stock alternative from the product's list now; the price difference is charged or refunded. */
    SWITCH,
    /** Cancel with a full refund. */
    CANCEL;

    /** The digit a delay notice by SMS offers for this choice ("reply 1/WAIT"): 1, 2 or 3, fixed whatever is offered. */
    public int replyDigit() {
        return ordinal() + 1;
    }

    /** The choice a digit of a delay notice stands for, if any. */
    public static Optional<DelayChoice> ofReplyDigit(int digit) {
        return Arrays.stream(values())
                .filter(choice -> choice.replyDigit() == digit)
                .findFirst();
    }
}
