package dev.waitwell.api.order;

import java.time.OffsetDateTime;

/**
 * Whether the order's customer number gets SMS: false until it says STOP (or Twilio refuses a message to it with error
 * 21610, "unsubscribed recipient"); then no SMS go to it for any order until it says START. Email is not affected.
 *
 * @param since when the number last changed its mind; null when it never did
 * @param source {@code KEYWORD} (the customer texted STOP or START) or {@code TWILIO_21610}; null when never
 */
record SmsOptOutView(boolean optedOut, OffsetDateTime since, String source) {

    static final SmsOptOutView NEVER = new SmsOptOutView(false, null, null);
}
