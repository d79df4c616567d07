package dev.waitwell.workflows.order;

import java.util.Objects;

/**
 * A status change of an order, written to PostgreSQL with a timeline entry. {@code eventKey} is unique
 * within the order, so a retried write records the change once.
 */
public record StatusChange(String orderId, String eventKey, OrderStatus status, String message) {

    public StatusChange {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
