package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.Money;

/**
 * Builds the order's messages from the order as it stands (its item, promise and money). Pure: no I/O. The key
 * of each message makes it unique within the order, so a retry never sends it twice; a milestone that can recur
 * carries a number in its key.
 */
public final class OrderMessages {

    private final OrderRun run;

    OrderMessages(OrderRun run) {
        this.run = run;
    }

    /** A milestone that happens once per order, about {@code amount} (null when no amount applies). */
    public NotificationRequest milestone(Milestone milestone, Money amount) {
        return milestone(milestone, milestone.name(), amount);
    }

    public NotificationRequest milestone(Milestone milestone, String key, Money amount) {
        return request(milestone, key, facts(amount, null));
    }

    public NotificationRequest shipped(String carrier, String trackingNumber) {
        return request(
                Milestone.SHIPPED,
                Milestone.SHIPPED.name(),
                new MessageFacts(
                        run.item().productName(),
                        run.item().sku(),
                        run.quantity(),
                        run.promisedDate(),
                        null,
                        run.total(),
                        run.netPaid(),
                        run.customerUrl(),
                        carrier,
                        trackingNumber,
                        null));
    }

    public NotificationRequest cancelled(Money refunded, String reason) {
        return request(Milestone.CANCELLED, Milestone.CANCELLED.name(), facts(refunded, reason));
    }

    public NotificationRequest request(Milestone milestone, String key, MessageFacts facts) {
        return new NotificationRequest(run.orderId(), key, milestone, run.customer(), facts);
    }

    /** What every message may say about the order now, with the amount and reason this one is about. */
    public MessageFacts facts(Money amount, String reason) {
        return new MessageFacts(
                run.item().productName(),
                run.item().sku(),
                run.quantity(),
                run.promisedDate(),
                amount,
                run.total(),
                run.netPaid(),
                run.customerUrl(),
                null,
                null,
                reason);
    }
}
