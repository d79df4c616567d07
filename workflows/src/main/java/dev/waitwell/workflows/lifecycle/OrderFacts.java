package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.notification.Customer;
import java.util.Objects;

/**
 * Who an order is for and how many units, fixed at checkout: what every step and message names.
 *
 * @param customerUrl the signed self-service link sent in every message
 */
public record OrderFacts(String orderId, Customer customer, int quantity, String customerUrl) {

    public OrderFacts {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customer, "customer");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
