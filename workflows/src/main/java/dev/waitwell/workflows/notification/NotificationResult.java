package dev.waitwell.workflows.notification;

import java.util.List;

/** The outcome of a notification on each channel. */
public record NotificationResult(List<Delivery> deliveries) {

    public NotificationResult {
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }
}
