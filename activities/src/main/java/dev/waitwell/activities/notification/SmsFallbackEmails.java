package dev.waitwell.activities.notification;

import dev.waitwell.activities.notification.FailedSmsRows.FailedSms;
import dev.waitwell.messages.Messages;
import dev.waitwell.messages.SmsFallback;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The email sent in place of an SMS that could not be delivered, in the customer's language: it says so and quotes
 * the text. An SMS sent before texts were kept gets a short note with the order page link, or the order's status when
 * no link is valid.
 */
@Component
class SmsFallbackEmails {

    /** The {@code template} of a fallback email's row: its words are its own, not the milestone's. */
    static final String TEMPLATE = SmsFallback.TEMPLATE;

    private final Messages messages;

    SmsFallbackEmails(Messages messages) {
        this.messages = messages;
    }

    /** The fallback email's key: its own row next to the milestone's email ({@code {smsKey}/sms-fallback}). */
    static String keyOf(String smsKey) {
        return smsKey + "/sms-fallback";
    }

    Draft render(FailedSms sms, String orderPageUrl) {
        Locale locale = messages.locales().forCustomer(sms.customerLocale());
        String said = sms.body() == null
                ? null
                : StoredBodies.withLink(sms.body(), orderPageUrl, messages.word(locale, "SMS_FALLBACK.noLink"));
        return EmailSender.draft(
                sms.customerEmail(),
                messages.email(
                        TEMPLATE,
                        locale,
                        SmsFallback.variables(
                                sms.orderId(),
                                sms.customerName(),
                                sms.phone(),
                                sms.milestone(),
                                said,
                                orderPageUrl,
                                sms.orderStatus())));
    }
}
