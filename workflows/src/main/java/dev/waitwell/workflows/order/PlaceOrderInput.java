package dev.waitwell.workflows.order;

import dev.waitwell.workflows.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything an order workflow needs, fixed at checkout.
 *
 * @param firstPayment what is charged at checkout: the total (FULL), the deposit (DEPOSIT) or zero (PAY_LATER)
 * @param releaseAt the instant the product is released by itself (start of {@code releaseDate} in the shop's zone)
 * @param customerUrl the signed self-service link sent in every message
 */
public record PlaceOrderInput(
        String orderId,
        OrderKind kind,
        Customer customer,
        String sku,
        String productName,
        int quantity,
        Money unitPrice,
        PaymentPlan paymentPlan,
        String paymentMethod,
        Money firstPayment,
        LocalDate releaseDate,
        Instant releaseAt,
        LocalDate promisedDate,
        String customerUrl,
        OrderPolicy policy) {

    public PlaceOrderInput {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(paymentPlan, "paymentPlan");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(firstPayment, "firstPayment");
        Objects.requireNonNull(releaseAt, "releaseAt");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        policy = policy == null ? OrderPolicy.DEFAULT : policy;
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
