package dev.waitwell.workflows.order;

import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/** What the order is for: the product at checkout, or the alternative the customer switched to. */
record OrderItem(String sku, String productName, Money unitPrice) {

    OrderItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
