package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.WaitwellSearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;
import org.slf4j.Logger;

/**
 * What an order tells the world as it goes: its status and timeline in PostgreSQL, its messages to the
 * customer, and the search attributes ops find it by. Timeline keys are numbered within the order
 * ({@code status-n}, {@code event-n}), so a retried write records once; the numbering goes on across runs.
 */
final class OrderTimeline {

    private static final Logger log = Workflow.getLogger(OrderTimeline.class);

    private final TimelineActivities writes =
            Workflow.newActivityStub(TimelineActivities.class, OrderActivityOptions.DURABLE);
    private final NotificationActivities notifications =
            Workflow.newActivityStub(NotificationActivities.class, OrderActivityOptions.MESSAGING);
    private final String orderId;
    private final boolean upsertsSearchAttributes;
    private int eventSequence;

    OrderTimeline(String orderId, boolean upsertsSearchAttributes, int lastEventSequence) {
        this.orderId = orderId;
        this.upsertsSearchAttributes = upsertsSearchAttributes;
        this.eventSequence = lastEventSequence;
    }

    /** A status change; the activity's input only gains the reason, so older histories replay unchanged. */
    void status(OrderStatus next, String sku, String message, String cancellationReason) {
        if (upsertsSearchAttributes) {
            Workflow.upsertTypedSearchAttributes(
                    WaitwellSearchAttributes.STATUS.valueSet(next.name()), WaitwellSearchAttributes.SKU.valueSet(sku));
        }
        writes.recordStatus(new StatusChange(orderId, nextEventKey("status"), next, message, cancellationReason));
    }

    void event(String type, String message) {
        writes.recordEvent(new OrderEvent(orderId, nextEventKey("event"), type, message));
    }

    void notify(NotificationRequest request) {
        try {
            notifications.notify(request);
        } catch (ActivityFailure failure) {
            // Messages are retried for about an hour; after that the order goes on and the timeline says why.
            log.warn("Order {}: {} could not be sent: {}", orderId, request.key(), failure.getMessage());
            event(
                    "NOTIFICATION_FAILED",
                    request.milestone() + " could not be sent: " + BusinessFailure.rootMessage(failure));
        }
    }

    void paymentMethod(String paymentMethod) {
        writes.recordPaymentMethod(new PaymentMethodRecord(orderId, paymentMethod));
        event("PAYMENT_METHOD_CHANGED", "Payment method changed to " + paymentMethod);
    }

    /** The promise moved: ops find the order by its new date (none when unknown). */
    void promiseMoved(LocalDate promisedDate) {
        if (upsertsSearchAttributes) {
            Workflow.upsertTypedSearchAttributes(
                    promisedDate == null
                            ? WaitwellSearchAttributes.PROMISED_DATE.valueUnset()
                            : WaitwellSearchAttributes.PROMISED_DATE.valueSet(
                                    WaitwellSearchAttributes.promised(promisedDate)));
        }
    }

    /** The last number used in a key, for the next run. */
    int eventSequence() {
        return eventSequence;
    }

    private String nextEventKey(String kind) {
        eventSequence++;
        return kind + "-" + eventSequence;
    }
}
