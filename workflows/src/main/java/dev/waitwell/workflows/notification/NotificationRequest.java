package dev.waitwell.workflows.notification;

import java.util.Objects;

/**
 * Tell the customer about a milestone on every channel they chose. {@code key} identifies this message
 * within the order (usually the milestone's name, with an attempt number where a milestone can recur):
 * exactly one message per order, key and channel goes out, whatever the retries.
 */
public record NotificationRequest(
        String orderId, String key, Milestone milestone, Customer customer, MessageFacts facts) {

    public NotificationRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(facts, "facts");
    }
}
