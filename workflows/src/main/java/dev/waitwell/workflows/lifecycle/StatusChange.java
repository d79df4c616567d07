package dev.waitwell.workflows.lifecycle;

import java.util.Objects;

/**
 * A status change of an order, written to PostgreSQL with a timeline entry. {@code eventKey} is unique
 * within the order, so a retried write records the change once. {@code cancellationReason}: for
 * {@link OrderStatus#CANCELLED}, why (what reports group cancellations by); null otherwise and in histories
 * from before it was sent.
 */
public record StatusChange(
        String orderId, String eventKey, OrderStatus status, String message, String cancellationReason) {

    public StatusChange(String orderId, String eventKey, OrderStatus status, String message) {
        this(orderId, eventKey, status, message, null);
    }

    public StatusChange {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
