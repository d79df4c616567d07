package dev.waitwell.activities.notification;

import static dev.waitwell.activities.notification.EmailTemplates.draft;
import static dev.waitwell.activities.notification.MessageText.choices;
import static dev.waitwell.activities.notification.MessageText.date;
import static dev.waitwell.activities.notification.MessageText.dateOrUnknown;
import static dev.waitwell.activities.notification.MessageText.magnitude;
import static dev.waitwell.activities.notification.MessageText.moment;
import static dev.waitwell.activities.notification.MessageText.money;
import static dev.waitwell.activities.notification.MessageText.negative;
import static dev.waitwell.activities.notification.MessageText.positive;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.DelayChoice;
import java.util.List;
import java.util.Locale;

/**
 * The emails of a delay. A delay notice says everything the customer needs to decide without opening the
 * page: the new date or "unknown", why, each choice and what it does, until when, what silence means,
 * and the reward for waiting.
 */
final class DelayEmails {

    private DelayEmails() {}

    static Draft notice(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        List<DelayChoice> offered = f.choices() == null ? List.of() : f.choices();
        boolean reward = offered.contains(DelayChoice.WAIT) && f.rewardPercent() > 0;
        return draft(
                request,
                recipient,
                "Order " + request.orderId() + " delayed: " + f.productName()
                        + (f.promisedDate() == null ? ", new date unknown" : " now expected " + date(f.promisedDate()))
                        + "; please choose",
                "We are sorry: your order of " + f.productName() + " cannot arrive as we promised"
                        + (f.reason() == null ? "." : ", because " + f.reason() + "."),
                f.promisedDate() == null
                        ? "New date: unknown. We cannot promise a new date yet."
                        : "New date: " + date(f.promisedDate()) + ".",
                reward ? "Choose to wait and get " + f.rewardPercent() + "% off your next order." : null,
                "Your choices: " + choices(offered, c -> c.name().toLowerCase(Locale.ROOT)) + ".",
                offered.contains(DelayChoice.WAIT)
                        ? "- Wait: keep your order for the new date"
                                + (reward
                                        ? " and get a " + f.rewardPercent() + "% discount code for your next order."
                                        : ".")
                        : null,
                offered.contains(DelayChoice.SWITCH)
                        ? "- Switch: take an alternative that is in stock now; we charge "
                                + "or refund the price difference."
                        : null,
                offered.contains(DelayChoice.CANCEL)
                        ? "- Cancel: we cancel the order and refund everything you paid"
                                + (positive(f.paid()) ? " (" + money(f.paid()) + ")." : ".")
                        : null,
                f.decisionDeadline() == null
                        ? "Please choose through the link below."
                        : "Please choose by " + moment(f.decisionDeadline()) + " through the link below.",
                f.silenceMeansWait()
                        ? "If we do not hear from you by then, we keep your order for the new date, as if you chose "
                                + "to wait" + (reward ? " (with the discount)." : ".")
                        : "If we do not hear from you by then, we cancel your order and refund everything you paid.");
    }

    static Draft accepted(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        return draft(
                request,
                recipient,
                "Order " + request.orderId() + " keeps waiting for " + f.productName()
                        + (f.rewardCode() == null ? "" : ": your reward code"),
                "Thank you for waiting for " + f.productName() + ".",
                "Expected date: " + dateOrUnknown(f.promisedDate()) + "."
                        + (f.promisedDate() == null ? " We tell you as soon as we can promise one." : ""),
                f.rewardCode() == null
                        ? null
                        : "Your reward: the code " + f.rewardCode() + " gives you " + f.rewardPercent()
                                + "% off your next order.");
    }

    static Draft improved(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        return draft(
                request,
                recipient,
                "Order " + request.orderId() + " good news: " + f.productName() + " comes earlier",
                "Good news: " + f.productName() + " comes earlier than we promised"
                        + (f.reason() == null ? "." : ", because " + f.reason() + "."),
                "New date: " + dateOrUnknown(f.promisedDate()) + ".",
                "Nothing to do: your order stays as it is.");
    }

    static Draft reminder(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        return draft(
                request,
                recipient,
                "Order " + request.orderId() + " update: still waiting for " + f.productName(),
                "Your order of " + f.quantity() + " x " + f.productName() + " is still waiting for stock.",
                f.promisedDate() == null
                        ? "Expected date: unknown. We tell you as soon as we can promise one."
                        : "Expected date: " + date(f.promisedDate()) + ".",
                "Your order page shows where it stands.");
    }

    static Draft switched(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        return draft(
                request,
                recipient,
                "Order " + request.orderId() + " switched to " + f.productName(),
                "Your order is now " + f.quantity() + " x " + f.productName()
                        + (f.reason() == null ? "." : " (" + f.reason() + ")."),
                positive(f.amount())
                        ? "We charged the price difference of " + money(f.amount()) + "."
                        : negative(f.amount())
                                ? "We refunded the price difference of " + money(magnitude(f.amount()))
                                        + " to your payment method."
                                : "The price is the same: nothing more to pay and nothing to refund.",
                f.total() == null ? null : "Order total now: " + money(f.total()) + ".",
                "It is in stock: we will tell you when it leaves.");
    }
}
