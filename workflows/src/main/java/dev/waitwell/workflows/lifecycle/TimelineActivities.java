package dev.waitwell.workflows.lifecycle;

import io.temporal.activity.ActivityInterface;

/**
 * Writes an order's status, timeline and payment method to PostgreSQL as the workflow decides them, for the
 * API's reads and reports. Every write is idempotent by its key.
 */
@ActivityInterface
public interface TimelineActivities {

    void recordStatus(StatusChange change);

    void recordEvent(OrderEvent event);

    void recordPaymentMethod(PaymentMethodRecord record);
}
