package dev.waitwell.workflows.delay;

import java.util.Objects;

/** A discount code of {@code percent} on a next order, for the patience shown on delay {@code delayNumber}. */
public record RewardRequest(String orderId, String customerId, int delayNumber, int percent) {

    public RewardRequest {
        Objects.requireNonNull(orderId, "orderId");
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1-100");
        }
    }
}
