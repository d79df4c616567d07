package dev.waitwell.workflows.lifecycle;

import java.util.Objects;

/** A timeline entry that is not a status change (a payment, a shipment, a staff action). */
public record OrderEvent(String orderId, String eventKey, String type, String message) {

    public OrderEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
