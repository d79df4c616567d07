package dev.waitwell.workflows.notification;

import io.temporal.activity.ActivityInterface;

/** The email that stands in for an SMS Twilio could not deliver. */
@ActivityInterface
public interface SmsFallbackActivities {

    /**
     * Emails the failed SMS's text to the order's email address, at most once per SMS however often it is
     * called: the email is a {@code notifications} row of its own ({@code {smsKey}/sms-fallback}, EMAIL). It is
     * SKIPPED, with the reason, when the customer has no email address, email is not configured, or the
     * milestone's own email was already sent.
     *
     * @return the email's outcome
     */
    Delivery emailInstead(SmsFallback fallback);
}
