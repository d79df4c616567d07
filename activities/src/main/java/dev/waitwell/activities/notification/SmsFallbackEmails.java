package dev.waitwell.activities.notification;

import dev.waitwell.activities.notification.FailedSmsRows.FailedSms;
import dev.waitwell.workflows.notification.Milestone;
import java.util.Locale;

/**
 * The email sent in place of an SMS that could not be delivered: it says so and quotes the text. An SMS sent
 * before texts were kept gets a short note with the order page link, or the order's status when no link is valid.
 */
final class SmsFallbackEmails {

    /** The {@code template} of a fallback email's row: its words are its own, not the milestone's. */
    static final String TEMPLATE = "SMS_FALLBACK";

    private SmsFallbackEmails() {}

    /** The fallback email's key: its own row next to the milestone's email ({@code {smsKey}/sms-fallback}). */
    static String keyOf(String smsKey) {
        return smsKey + "/sms-fallback";
    }

    static Draft render(FailedSms sms, String orderPageUrl) {
        String about = about(sms.milestone());
        String subject = "Order " + sms.orderId() + " " + about + ": our text message did not reach you";
        String intro = "We sent you a text message about your order " + sms.orderId() + " (" + about + ") to "
                + sms.phone() + ", but it could not be delivered.";
        if (sms.body() != null) {
            return EmailTemplates.draft(
                    sms.orderId(),
                    sms.customerName(),
                    null,
                    sms.customerEmail(),
                    subject,
                    intro,
                    "This is what it said:",
                    "",
                    StoredBodies.withLink(sms.body(), orderPageUrl));
        }
        return EmailTemplates.draft(
                sms.orderId(),
                sms.customerName(),
                orderPageUrl,
                sms.customerEmail(),
                subject,
                intro,
                orderPageUrl != null
                        ? "Your order page shows where your order stands."
                        : "Your order " + sms.orderId() + " is now " + readable(sms.orderStatus()) + ".");
    }

    /** The milestone in a few words, as subjects name it; rows written by hand may hold anything. */
    private static String about(String template) {
        Milestone milestone;
        try {
            milestone = Milestone.valueOf(String.valueOf(template).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return "update";
        }
        return switch (milestone) {
            case CONFIRMED -> "confirmed";
            case RELEASE_REMINDER -> "release reminder";
            case CHARGED -> "charged";
            case RELEASED -> "released";
            case PAYMENT_FAILED -> "payment failed";
            case PAYMENT_ACTION_REQUIRED -> "please confirm your payment";
            case SHIPPED -> "shipped";
            case CANCELLED -> "cancelled";
            case DELAY_NOTICE -> "delayed, please choose";
            case PROMISE_IMPROVED -> "comes earlier";
            case DELAY_ACCEPTED -> "keeps waiting";
            case WAIT_REMINDER -> "still waiting";
            case SWITCHED -> "switched";
            case LINK_RESENT -> "the link to your order";
            case SURVEY -> "how was your wait?";
        };
    }

    /** READY_TO_SHIP reads "ready to ship". */
    private static String readable(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
