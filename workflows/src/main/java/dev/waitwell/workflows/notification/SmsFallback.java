package dev.waitwell.workflows.notification;

import java.util.Objects;

/**
 * Email the customer what a failed SMS said, once.
 *
 * @param notificationId the {@code notifications} row of the SMS Twilio reported failed
 * @param orderId the order the SMS was about
 * @param orderPageUrl the customer's signed order page link while it is valid, else null; only used for an SMS
 *     sent before its text was stored (a stored text carries its own link)
 */
public record SmsFallback(long notificationId, String orderId, String orderPageUrl) {

    public SmsFallback {
        if (notificationId <= 0) {
            throw new IllegalArgumentException("notificationId must be positive: " + notificationId);
        }
        Objects.requireNonNull(orderId, "orderId");
    }
}
