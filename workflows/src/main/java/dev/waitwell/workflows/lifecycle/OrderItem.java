package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/** What the order is for: the product at checkout, or the alternative the customer switched to. */
public record OrderItem(String sku, String productName, Money unitPrice) {

    public OrderItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
