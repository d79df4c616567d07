package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.Money;

/**
 * Builds the order's milestone messages from the order as it stands (its item, promise and money). Pure:
 * no I/O. The key of each message makes it unique within the order, so a retry never sends it twice.
 */
final class OrderMessages {

    private final OrderWorkflowImpl order;

    OrderMessages(OrderWorkflowImpl order) {
        this.order = order;
    }

    NotificationRequest milestone(Milestone milestone, String key, Money amount) {
        return request(milestone, key, facts(amount, null, null));
    }

    NotificationRequest shipped(Shipment shipment) {
        return request(Milestone.SHIPPED, Milestone.SHIPPED.name(), facts(null, shipment, null));
    }

    NotificationRequest cancelled(Money refunded, String reason) {
        return request(Milestone.CANCELLED, Milestone.CANCELLED.name(), facts(refunded, null, reason));
    }

    NotificationRequest delayNotice(OpenDecision decision, int rewardPercent) {
        MessageFacts plain = facts(null, null, decision.reason());
        return request(Milestone.DELAY_NOTICE, "DELAY_NOTICE-" + decision.delayNumber(), withDelay(plain,
                decision, null, rewardPercent));
    }

    NotificationRequest delayAccepted(int delayNumber, String rewardCode, int rewardPercent) {
        MessageFacts plain = facts(null, null, null);
        return request(Milestone.DELAY_ACCEPTED, "DELAY_ACCEPTED-" + delayNumber,
                withDelay(plain, null, rewardCode, rewardPercent));
    }

    NotificationRequest promiseImproved(int number, String reason) {
        return request(Milestone.PROMISE_IMPROVED, "PROMISE_IMPROVED-" + number, facts(null, null, reason));
    }

    NotificationRequest waitReminder(int number) {
        return request(Milestone.WAIT_REMINDER, "WAIT_REMINDER-" + number, facts(null, null, null));
    }

    NotificationRequest switched(Money difference, String reason) {
        return request(Milestone.SWITCHED, Milestone.SWITCHED.name(), facts(difference, null, reason));
    }

    private NotificationRequest request(Milestone milestone, String key, MessageFacts facts) {
        PlaceOrderInput input = order.input();
        return new NotificationRequest(input.orderId(), key, milestone, input.customer(), facts);
    }

    private MessageFacts facts(Money amount, Shipment shipment, String reason) {
        PlaceOrderInput input = order.input();
        OrderItem item = order.item();
        return new MessageFacts(
                item.productName(),
                item.sku(),
                input.quantity(),
                order.promisedDate(),
                amount,
                order.total(),
                order.netPaid(),
                input.customerUrl(),
                shipment == null ? null : shipment.carrier(),
                shipment == null ? null : shipment.trackingNumber(),
                reason);
    }

    private static MessageFacts withDelay(MessageFacts facts, OpenDecision decision, String rewardCode,
            int rewardPercent) {
        return new MessageFacts(facts.productName(), facts.sku(), facts.quantity(), facts.promisedDate(),
                facts.amount(), facts.total(), facts.paid(), facts.customerUrl(), facts.carrier(),
                facts.trackingNumber(), facts.reason(), decision == null ? null : decision.choices(),
                decision == null ? null : decision.deadline(), decision != null && decision.silenceMeansWait(),
                rewardCode, rewardPercent);
    }
}
