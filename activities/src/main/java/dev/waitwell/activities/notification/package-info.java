/**
 * Milestone messages by email (SMTP through Spring's {@code JavaMailSender}) and SMS (Twilio). A row per
 * order, key and channel is claimed before sending, so a retry never sends twice, and a send whose outcome
 * is unknown is marked failed rather than repeated. Each row keeps what its message said, and an SMS that Twilio
 * reports failed is emailed once in its place (its own row, pointing to the SMS). A number that opted out of SMS
 * (STOP, or Twilio's error 21610) gets none: its SMS are skipped, its emails still go.
 */
package dev.waitwell.activities.notification;
