package dev.waitwell.workflows.notification;

import io.temporal.activity.ActivityInterface;

/**
 * Sends milestone messages by email (SMTP) and SMS (Twilio). One row per order, key and channel,
 * unique in PostgreSQL, guards against a second message on retry.
 */
@ActivityInterface
public interface NotificationActivities {

    NotificationResult notify(NotificationRequest request);
}
