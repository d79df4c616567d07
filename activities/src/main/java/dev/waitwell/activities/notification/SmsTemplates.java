package dev.waitwell.activities.notification;

import static dev.waitwell.activities.notification.MessageText.choices;
import static dev.waitwell.activities.notification.MessageText.date;
import static dev.waitwell.activities.notification.MessageText.dateOrUnknown;
import static dev.waitwell.activities.notification.MessageText.magnitude;
import static dev.waitwell.activities.notification.MessageText.moment;
import static dev.waitwell.activities.notification.MessageText.money;
import static dev.waitwell.activities.notification.MessageText.negative;
import static dev.waitwell.activities.notification.MessageText.positive;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.SmsReplyCode;
import dev.waitwell.workflows.shared.DelayChoice;
import java.util.List;

/** Short texts, one per milestone: two SMS segments at most, the link always last. */
final class SmsTemplates {

    /**
     * Two concatenated GSM-7 segments (153 characters each once the concatenation header takes its room). The
     * texts keep to the GSM-7 alphabet (no "…", which would make every segment UCS-2 and 67 characters long).
     */
    static final int MAX_LENGTH = 306;

    private static final int MAX_PRODUCT_NAME = 40;
    private static final String SHORT_PREFIX = "Waitwell: ";
    private static final String ELLIPSIS = "...";
    /** Below this much room for the text, a link too long for one message is sent as it is, over two segments. */
    private static final int MIN_TEXT = 40;

    private SmsTemplates() {}

    static Draft render(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        String text = text(request, f.reason());
        if (request.milestone() == Milestone.DELAY_NOTICE && !fitsWhole(text, f.customerUrl())) {
            // The choices and what silence means matter more than the supplier's words and the product's
            // name, which the page shows.
            text = compactDelayNotice(f, request.orderId());
            if (!fitsWhole(text, f.customerUrl())) {
                // The longest ids and links leave no room for the code: the link decides as well.
                text = compactDelayNotice(f, null);
            }
        }
        return new Draft(recipient, null, fitted(request.orderId(), text, f.customerUrl()));
    }

    private static boolean fitsWhole(String text, String url) {
        return SHORT_PREFIX.length() + text.length() + 1 + url.length() <= MAX_LENGTH;
    }

    /**
     * Order, text and link in {@link #MAX_LENGTH}: the order id goes first (the link names it too), then the
     * text is cut short; the link always stays whole and last.
     */
    static String fitted(String orderId, String text, String url) {
        String full = "Waitwell order " + orderId + ": " + text + " " + url;
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        String room = SHORT_PREFIX + text;
        int left = MAX_LENGTH - url.length() - 1;
        if (room.length() > left && left > MIN_TEXT) {
            room = room.substring(0, left - ELLIPSIS.length()) + ELLIPSIS;
        }
        return room + " " + url;
    }

    private static String text(NotificationRequest request, String reason) {
        MessageFacts f = request.facts();
        String product = shortened(f.productName());
        String text = switch (request.milestone()) {
            case CONFIRMED ->
                product + " confirmed."
                        + (f.promisedDate() == null ? "" : " Arrives " + date(f.promisedDate()) + ".")
                        + (positive(f.amount()) ? " Charged " + money(f.amount()) + "." : "");
            case RELEASE_REMINDER ->
                product + " is released"
                        + (f.promisedDate() == null ? " soon." : " on " + date(f.promisedDate()) + ".")
                        + (positive(f.amount())
                                ? " We will charge " + money(f.amount()) + "."
                                : " Nothing more to pay.");
            case CHARGED ->
                "Charged " + (f.amount() == null ? "the balance" : money(f.amount())) + " for " + product
                        + "; it ships once packed.";
            case RELEASED ->
                product + " is released. Paid in full" + (f.paid() == null ? "" : " (" + money(f.paid()) + ")") + ".";
            case PAYMENT_FAILED ->
                "We could not charge " + (f.amount() == null ? "your payment" : money(f.amount())) + " for " + product
                        + ". Please update your payment method.";
            case PAYMENT_ACTION_REQUIRED ->
                "Your bank asks you to confirm the payment of "
                        + (f.amount() == null ? "your order" : money(f.amount())) + " for " + product
                        + ". Please confirm it on your order page:";
            case SHIPPED -> product + " shipped with " + f.carrier() + ", tracking " + f.trackingNumber() + ".";
            case CANCELLED ->
                product + " cancelled" + (f.reason() == null ? "." : ": " + shortened(f.reason()) + ".")
                        + (positive(f.amount()) ? " Refunded " + money(f.amount()) + "." : "");
            case DELAY_NOTICE -> delayNotice(f, product, reason, request.orderId());
            case DELAY_ACCEPTED ->
                "Thanks for waiting for " + product + ". Expected "
                        + dateOrUnknown(f.promisedDate()) + "."
                        + (f.rewardCode() == null
                                ? ""
                                : " Your " + f.rewardPercent() + "% off code: " + f.rewardCode() + ".");
            case PROMISE_IMPROVED ->
                "Good news: " + product + " comes earlier, now by " + dateOrUnknown(f.promisedDate()) + ".";
            case WAIT_REMINDER ->
                product + " is still waiting for stock. Expected " + dateOrUnknown(f.promisedDate()) + ".";
            case SWITCHED ->
                "Switched to " + product + ". "
                        + (positive(f.amount())
                                ? "Charged the difference, " + money(f.amount()) + "."
                                : negative(f.amount())
                                        ? "Refunded the difference, " + money(magnitude(f.amount())) + "."
                                        : "Same price.");
            case LINK_RESENT -> "Here is the link to your order of " + product + ":";
            // GSM-7 only: "1-5", never an en dash.
            case SURVEY -> "How was your wait for " + product + "? Reply 1-5 (5 = great), or answer here:";
        };
        return text;
    }

    /**
     * New date or unknown, why, what silence means by the deadline, and how to answer: the keywords to reply with the
     * order's short code (for a customer with several delayed orders), or the link that follows. All in two segments.
     */
    private static String delayNotice(MessageFacts f, String product, String reason, String orderId) {
        return product + " is delayed" + (reason == null ? "" : ": " + shortened(reason)) + ". New date "
                + dateOrUnknown(f.promisedDate()) + ". " + silence(f) + " " + replies(f, orderId, "next order");
    }

    /**
     * The delay notice without product name and reason: what must reach the customer in any case. {@code orderId}
     * null: without the order's code.
     */
    private static String compactDelayNotice(MessageFacts f, String orderId) {
        return "Delayed to " + dateOrUnknown(f.promisedDate()) + ". " + silence(f) + " " + replies(f, orderId, null);
    }

    private static String silence(MessageFacts f) {
        return "No answer" + (f.decisionDeadline() == null ? "" : " by " + moment(f.decisionDeadline())) + " = "
                + (f.silenceMeansWait() ? "wait." : "cancel, full refund.");
    }

    /**
     * "Order code 4821: reply 1/WAIT (10% off), 2/SWITCH or 3/CANCEL, or open": the link follows. The code is what a
     * customer with several delayed orders adds to the keyword ("WAIT 4821"), as the shop's answer tells them.
     */
    private static String replies(MessageFacts f, String orderId, String rewardOn) {
        List<DelayChoice> offered = f.choices() == null ? List.of() : f.choices();
        // "1/WAIT": the digit or the word, whichever the customer types.
        String options = choices(
                offered,
                choice -> choice.replyDigit() + "/"
                        + switch (choice) {
                            case WAIT ->
                                f.rewardPercent() > 0
                                        ? "WAIT (" + f.rewardPercent() + "% off"
                                                + (rewardOn == null ? "" : " " + rewardOn) + ")"
                                        : "WAIT";
                            case SWITCH -> "SWITCH";
                            // Silence that cancels says "full refund" already.
                            case CANCEL -> f.silenceMeansWait() ? "CANCEL (full refund)" : "CANCEL";
                        });
        if (options.isEmpty()) {
            return "Open";
        }
        return (orderId == null ? "Reply " : "Order code " + SmsReplyCode.of(orderId) + ": reply ") + options
                + ", or open";
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_PRODUCT_NAME
                ? text
                : text.substring(0, MAX_PRODUCT_NAME - ELLIPSIS.length()) + ELLIPSIS;
    }
}
