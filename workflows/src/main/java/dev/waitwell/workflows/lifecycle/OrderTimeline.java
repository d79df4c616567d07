package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.notification.MessageOutbox;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.WaitwellSearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * What an order tells the world as it goes: its status and timeline in PostgreSQL, its messages to the
 * customer, and the search attributes ops find it by. A retried write records once because its key is the same.
 * Keys say what happened: the k-th time the order entered a status ({@code status:AWAITING_STOCK#2}) or recorded
 * an event of a type ({@code event:PAYMENT_DECLINED#1}), counted across runs, so a run rebuilt from the database
 * goes on from the counts recorded there. Runs from before {@code stable-timeline-keys} number keys by their
 * position in the order ({@code status-n}, {@code event-n}), which a rebuilt run could not know; the two styles
 * never collide, so an order may switch from one to the other between runs.
 */
final class OrderTimeline {

    private static final Logger log = Workflow.getLogger(OrderTimeline.class);

    private final TimelineActivities writes;
    private final NotificationActivities notifications =
            Workflow.newActivityStub(NotificationActivities.class, OrderActivityOptions.MESSAGING);
    /** The message queue when this run queues its messages ({@link DatabaseSteps#queuesMessages}), else null. */
    private final MessageOutbox outbox;

    private final String orderId;
    private final boolean upsertsSearchAttributes;
    private int eventSequence;
    private Map<String, Integer> counts;

    OrderTimeline(String orderId, boolean upsertsSearchAttributes, int lastEventSequence, DatabaseSteps steps) {
        this.orderId = orderId;
        this.writes = steps.stub(TimelineActivities.class);
        this.outbox = steps.queuesMessages() ? steps.stub(MessageOutbox.class) : null;
        this.upsertsSearchAttributes = upsertsSearchAttributes;
        this.eventSequence = lastEventSequence;
    }

    /** A status change; the activity's input only gains the reason, so older histories replay unchanged. */
    void status(OrderStatus next, String sku, String message, String cancellationReason) {
        if (upsertsSearchAttributes) {
            Workflow.upsertTypedSearchAttributes(
                    WaitwellSearchAttributes.STATUS.valueSet(next.name()), WaitwellSearchAttributes.SKU.valueSet(sku));
        }
        writes.recordStatus(
                new StatusChange(orderId, nextEventKey("status", next.name()), next, message, cancellationReason));
    }

    void event(String type, String message) {
        writes.recordEvent(eventToWrite(type, message));
    }

    /** The event under its key, which is used up whether or not it is written. */
    OrderEvent eventToWrite(String type, String message) {
        return new OrderEvent(orderId, nextEventKey("event", type), type, message);
    }

    /**
     * Queued for the worker's sender, which retries it and records a failure on the timeline itself; in runs before
     * messages were queued, sent by an activity this run waits for.
     */
    void notify(NotificationRequest request) {
        if (outbox != null) {
            outbox.queue(request);
            return;
        }
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

    /** Keys say what happened from now on, counting on from {@code carried} (by {@code status:<STATUS>} ...). */
    void useStableKeys(Map<String, Integer> carried) {
        counts = new TreeMap<>(carried);
    }

    /** The last number used in a position key, for the next run. */
    int eventSequence() {
        return eventSequence;
    }

    /** How many entries of each kind were recorded, for the next run; empty while keys are numbered by position. */
    Map<String, Integer> counts() {
        return counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** Whether an event of {@code type} is on the order's timeline (known only while keys say what happened). */
    boolean hasEvent(String type) {
        return counts != null && counts.getOrDefault("event:" + type, 0) > 0;
    }

    private String nextEventKey(String kind, String what) {
        eventSequence++;
        if (counts == null) {
            return kind + "-" + eventSequence;
        }
        String prefix = kind + ":" + what;
        return prefix + "#" + counts.merge(prefix, 1, Integer::sum);
    }
}
