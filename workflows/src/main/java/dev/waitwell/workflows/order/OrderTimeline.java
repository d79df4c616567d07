package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.PaymentMethodRecord;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
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

    private final TimelineActivities orders =
            Workflow.newActivityStub(TimelineActivities.class, OrderActivityOptions.DURABLE);
    private final NotificationActivities notifications =
            Workflow.newActivityStub(NotificationActivities.class, OrderActivityOptions.MESSAGING);
    private final String orderId;
    private final boolean upsertsSearchAttributes;
    private int eventSequence;

    OrderTimeline(String orderId, boolean upsertsSearchAttributes) {
        this.orderId = orderId;
        this.upsertsSearchAttributes = upsertsSearchAttributes;
    }

    void status(OrderStatus next, String sku, String message) {
        status(next, sku, message, null);
    }

    /** A status change; the activity's input only gains the reason, so older histories replay unchanged. */
    void status(OrderStatus next, String sku, String message, String cancellationReason) {
        if (upsertsSearchAttributes) {
            Workflow.upsertTypedSearchAttributes(WaitwellSearchAttributes.STATUS.valueSet(next.name()),
                    WaitwellSearchAttributes.SKU.valueSet(sku));
        }
        orders.recordStatus(new StatusChange(orderId, nextEventKey("status"), next, message, cancellationReason));
    }

    void event(String type, String message) {
        orders.recordEvent(new OrderEvent(orderId, nextEventKey("event"), type, message));
    }

    void notify(NotificationRequest request) {
        try {
            notifications.notify(request);
        } catch (ActivityFailure failure) {
            // Messages are retried for about an hour; after that the order goes on and the timeline says why.
            log.warn("Order {}: {} could not be sent: {}", orderId, request.key(), failure.getMessage());
            event("NOTIFICATION_FAILED", request.milestone() + " could not be sent: "
                    + OrderWorkflowImpl.rootMessage(failure));
        }
    }

    void paymentMethod(String paymentMethod) {
        orders.recordPaymentMethod(new PaymentMethodRecord(orderId, paymentMethod));
        event("PAYMENT_METHOD_CHANGED", "Payment method changed to " + paymentMethod);
    }

    /** The promise moved: ops find the order by its new date (none when unknown). */
    void promiseMoved(LocalDate promisedDate) {
        if (upsertsSearchAttributes) {
            Workflow.upsertTypedSearchAttributes(promisedDate == null
                    ? WaitwellSearchAttributes.PROMISED_DATE.valueUnset()
                    : WaitwellSearchAttributes.PROMISED_DATE.valueSet(WaitwellSearchAttributes.promised(promisedDate)));
        }
    }

    /** The last number used in a key, for the next run. */
    int eventSequence() {
        return eventSequence;
    }

    /** A continued run numbers on from where the last one stopped. */
    void resume(int lastEventSequence) {
        eventSequence = lastEventSequence;
    }

    private String nextEventKey(String kind) {
        eventSequence++;
        return kind + "-" + eventSequence;
    }
}
