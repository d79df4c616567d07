package dev.waitwell.workflows.order;

import dev.waitwell.workflows.notification.Customer;
import java.util.Objects;

/** Ask the warehouse to ship an order that is paid and allocated. Once per order. */
public record FulfilmentRequest(String orderId, String sku, int quantity, Customer customer) {

    public FulfilmentRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(customer, "customer");
    }
}
