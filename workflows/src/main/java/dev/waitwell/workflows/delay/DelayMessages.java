package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.lifecycle.OrderMessages;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.Money;

/** The messages of a waiting order's promise: reminders, good news, delay notices and their answers. */
final class DelayMessages {

    private final OrderMessages messages;

    DelayMessages(OrderMessages messages) {
        this.messages = messages;
    }

    NotificationRequest waitReminder(int number) {
        return messages.request(Milestone.WAIT_REMINDER, "WAIT_REMINDER-" + number, messages.facts(null, null));
    }

    NotificationRequest promiseImproved(int number, String reason) {
        return messages.request(Milestone.PROMISE_IMPROVED, "PROMISE_IMPROVED-" + number, messages.facts(null, reason));
    }

    NotificationRequest delayNotice(OpenDecision decision, int rewardPercent) {
        MessageFacts facts = messages.facts(null, decision.reason());
        return messages.request(
                Milestone.DELAY_NOTICE,
                "DELAY_NOTICE-" + decision.delayNumber(),
                withDelay(facts, decision, null, rewardPercent));
    }

    NotificationRequest delayAccepted(int delayNumber, String rewardCode, int rewardPercent) {
        return messages.request(
                Milestone.DELAY_ACCEPTED,
                "DELAY_ACCEPTED-" + delayNumber,
                withDelay(messages.facts(null, null), null, rewardCode, rewardPercent));
    }

    NotificationRequest switched(Money difference, String reason) {
        return messages.request(Milestone.SWITCHED, Milestone.SWITCHED.name(), messages.facts(difference, reason));
    }

    private static MessageFacts withDelay(
            MessageFacts facts, OpenDecision decision, String rewardCode, int rewardPercent) {
        return new MessageFacts(
                facts.productName(),
                facts.sku(),
                facts.quantity(),
                facts.promisedDate(),
                facts.amount(),
                facts.total(),
                facts.paid(),
                facts.customerUrl(),
                facts.carrier(),
                facts.trackingNumber(),
                facts.reason(),
                decision == null ? null : decision.choices(),
                decision == null ? null : decision.deadline(),
                decision != null && decision.silenceMeansWait(),
                rewardCode,
                rewardPercent);
    }
}
