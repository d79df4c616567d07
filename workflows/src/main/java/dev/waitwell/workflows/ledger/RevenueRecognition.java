package dev.waitwell.workflows.ledger;

import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/** The goods shipped: what the customer paid is no longer owed to them and becomes revenue. */
public record RevenueRecognition(String orderId, Money amount) {

    public RevenueRecognition {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
    }
}
