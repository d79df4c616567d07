package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/** Move an order from its waiting product to an in-stock alternative, at the alternative's unit price. */
public record SwitchRequest(String orderId, String fromSku, String toSku, int quantity, Money unitPrice) {

    public SwitchRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(fromSku, "fromSku");
        Objects.requireNonNull(toSku, "toSku");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
