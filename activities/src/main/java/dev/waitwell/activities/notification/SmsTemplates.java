package dev.waitwell.activities.notification;

import static dev.waitwell.activities.notification.MessageText.date;
import static dev.waitwell.activities.notification.MessageText.money;
import static dev.waitwell.activities.notification.MessageText.positive;

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
            case CHARGED -> product + " is released. Charged "
                    + (f.amount() == null ? "the balance" : money(f.amount())) + ".";
            case RELEASED -> product + " is released. Paid in full"
                    + (f.paid() == null ? "" : " (" + money(f.paid()) + ")") + ".";
            case PAYMENT_FAILED -> "We could not charge " + (f.amount() == null ? "your payment" : money(f.amount()))
                    + " for " + product + ". Please update your payment method.";
            case SHIPPED -> product + " shipped with " + f.carrier() + ", tracking " + f.trackingNumber() + ".";
            case CANCELLED -> product + " cancelled" + (f.reason() == null ? "." : ": " + shortened(f.reason()) + ".")
                    + (positive(f.amount()) ? " Refunded " + money(f.amount()) + "." : "");
        };
        return new Draft(recipient, null,
                "Waitwell order " + request.orderId() + ": " + text + " " + f.customerUrl());
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_PRODUCT_NAME ? text : text.substring(0, MAX_PRODUCT_NAME - 1) + "…";
    }
}
