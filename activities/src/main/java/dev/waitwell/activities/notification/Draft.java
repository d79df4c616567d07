package dev.waitwell.activities.notification;

/** A rendered message for one recipient; {@code subject} is null for SMS. */
record Draft(String recipient, String subject, String body) {}
