package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/**
 * One charge of an order. {@code step} names the charge within the order ({@code checkout},
 * {@code balance-1}, {@code balance-2}...); the idempotency key is derived from order id and step, so
 * a retried activity never charges twice, while a deliberate new attempt uses a new step.
 *
 * @param customerPresent whether the customer is paying now (at checkout): their bank may then ask them to
 *     authenticate on the spot; otherwise the charge is made off-session on the saved method (absent in
 *     histories from before it: false)
 * @param returnUrl where the customer comes back to after confirming with their bank (the order's page); may be
 *     null
 * @param chargedEvent the timeline entry a success writes in the transaction that records the charge, under a key the
 *     run set aside for it ({@code launch-day-shape} version 3 on): the order's next step does not wait for a
 *     timeline write of its own. Null when the run records the entry itself (older runs, a charge a rebuilt run
 *     checks again), and in histories from before it.
 */
public record ChargeRequest(
        String orderId,
        String step,
        ChargePurpose purpose,
        Money amount,
        String paymentMethod,
        boolean customerPresent,
        String returnUrl,
        OrderEvent chargedEvent) {

    /** A charge whose success the run records on the timeline itself. */
    public ChargeRequest(
            String orderId,
            String step,
            ChargePurpose purpose,
            Money amount,
            String paymentMethod,
            boolean customerPresent,
            String returnUrl) {
        this(orderId, step, purpose, amount, paymentMethod, customerPresent, returnUrl, null);
    }

    /** A charge made without the customer present. */
    public ChargeRequest(String orderId, String step, ChargePurpose purpose, Money amount, String paymentMethod) {
        this(orderId, step, purpose, amount, paymentMethod, false, null);
    }

    public ChargeRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a charge must be positive");
        }
        if (chargedEvent != null && !chargedEvent.orderId().equals(orderId)) {
            throw new IllegalArgumentException("the charge's timeline entry must be its own order's");
        }
    }

    /** The same charge, writing {@code event} on the order's timeline with its success. */
    public ChargeRequest withChargedEvent(OrderEvent event) {
        return new ChargeRequest(orderId, step, purpose, amount, paymentMethod, customerPresent, returnUrl, event);
    }

    public String idempotencyKey() {
        return keyOf(orderId, step);
    }

    /** The idempotency key of an order's charge step: {@code <orderId>/charge/<step>}. */
    public static String keyOf(String orderId, String step) {
        return orderId + "/charge/" + step;
    }
}
