package dev.waitwell.workflows.inventory;

import dev.waitwell.workflows.shared.Refusal;

/**
 * What a receipt came to, the receipt workflow's result and its {@code awaitAllocation} answer: either
 * {@code recorded} (the receipt and the allocation it made) or {@code refused} (why it was not recorded: an
 * unknown product or purchase order, more than the purchase order expects, a reference used for other goods).
 */
public record ReceiptResult(ReceiptOutcome recorded, Refusal refused) {

    public ReceiptResult {
        if ((recorded == null) == (refused == null)) {
            throw new IllegalArgumentException("a receipt is either recorded or refused");
        }
    }

    public static ReceiptResult of(ReceiptOutcome recorded) {
        return new ReceiptResult(recorded, null);
    }

    public static ReceiptResult of(Refusal refused) {
        return new ReceiptResult(null, refused);
    }
}
