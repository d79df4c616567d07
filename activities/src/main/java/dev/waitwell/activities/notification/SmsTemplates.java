package dev.waitwell.activities.notification;

import static dev.waitwell.activities.notification.MessageText.choices;
import static dev.waitwell.activities.notification.MessageText.date;
import static dev.waitwell.activities.notification.MessageText.dateOrUnknown;
import static dev.waitwell.activities.notification.MessageText.magnitude;
import static dev.waitwell.activities.notification.MessageText.moment;
import static dev.waitwell.activities.notification.MessageText.money;
import static dev.waitwell.activities.notification.MessageText.negative;
import static dev.waitwell.activities.notification.MessageText.positive;

import java.util.List;

import dev.waitwell.workflows.delay.DelayChoice;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.NotificationRequest;

/** Short texts, one per milestone: two SMS segments at most, the link always last. */
final class SmsTemplates {

    static final int MAX_LENGTH = 320;
    private static final int MAX_PRODUCT_NAME = 40;

    private SmsTemplates() {
    }

    static Draft render(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        String product = shortened(f.productName());
        String text = switch (request.milestone()) {
            case CONFIRMED -> product + " confirmed."
                    + (f.promisedDate() == null ? "" : " Arrives " + date(f.promisedDate()) + ".")
                    + (positive(f.amount()) ? " Charged " + money(f.amount()) + "." : "");
            case RELEASE_REMINDER -> product + " is released"
                    + (f.promisedDate() == null ? " soon." : " on " + date(f.promisedDate()) + ".")
                    + (positive(f.amount()) ? " We will charge " + money(f.amount()) + "." : " Nothing more to pay.");
            case CHARGED -> "Charged " + (f.amount() == null ? "the balance" : money(f.amount())) + " for " + product
                    + "; it ships once packed.";
            case RELEASED -> product + " is released. Paid in full"
                    + (f.paid() == null ? "" : " (" + money(f.paid()) + ")") + ".";
            case PAYMENT_FAILED -> "We could not charge " + (f.amount() == null ? "your payment" : money(f.amount()))
                    + " for " + product + ". Please update your payment method.";
            case SHIPPED -> product + " shipped with " + f.carrier() + ", tracking " + f.trackingNumber() + ".";
            case CANCELLED -> product + " cancelled" + (f.reason() == null ? "." : ": " + shortened(f.reason()) + ".")
                    + (positive(f.amount()) ? " Refunded " + money(f.amount()) + "." : "");
            case DELAY_NOTICE -> delayNotice(f, product);
            case DELAY_ACCEPTED -> "Thanks for waiting for " + product + ". Expected "
                    + dateOrUnknown(f.promisedDate()) + "."
                    + (f.rewardCode() == null ? "" : " Your " + f.rewardPercent() + "% off code: " + f.rewardCode() + ".");
            case PROMISE_IMPROVED -> "Good news: " + product + " comes earlier, now by "
                    + dateOrUnknown(f.promisedDate()) + ".";
            case WAIT_REMINDER -> product + " is still waiting for stock. Expected " + dateOrUnknown(f.promisedDate())
                    + ".";
            case SWITCHED -> "Switched to " + product + ". " + (positive(f.amount())
                    ? "Charged the difference, " + money(f.amount()) + "."
                    : negative(f.amount()) ? "Refunded the difference, " + money(magnitude(f.amount())) + "."
                    : "Same price.");
        };
        return new Draft(recipient, null,
                "Waitwell order " + request.orderId() + ": " + text + " " + f.customerUrl());
    }

    /** New date or unknown, why, the choices, the deadline and what silence means: all in two segments. */
    private static String delayNotice(MessageFacts f, String product) {
        List<DelayChoice> offered = f.choices() == null ? List.of() : f.choices();
        String options = choices(offered, choice -> switch (choice) {
            case WAIT -> f.rewardPercent() > 0 ? "wait (" + f.rewardPercent() + "% off next order)" : "wait";
            case SWITCH -> "switch";
            case CANCEL -> "cancel (full refund)";
        });
        return product + " is delayed" + (f.reason() == null ? "" : ": " + shortened(f.reason())) + ". New date "
                + dateOrUnknown(f.promisedDate()) + ". Choose " + options
                + (f.decisionDeadline() == null ? "" : " by " + moment(f.decisionDeadline())) + ". No answer = "
                + (f.silenceMeansWait() ? "wait." : "cancel, full refund.");
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_PRODUCT_NAME ? text : text.substring(0, MAX_PRODUCT_NAME - 1) + "…";
    }
}
