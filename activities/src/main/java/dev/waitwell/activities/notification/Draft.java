package dev.waitwell.activities.notification;

/**
 * A rendered message for one recipient: {@code body} is the SMS text or the email's plain text; {@code subject} and
 * {@code html} are null for SMS.
 */
record Draft(String recipient, String subject, String body, String html) {

    static Draft sms(String recipient, String text) {
        return new Draft(recipient, null, text, null);
    }
}
