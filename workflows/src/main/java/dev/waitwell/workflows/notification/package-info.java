/**
 * Notification contracts: milestones, channels and the facts a message may state, the small workflow that
 * emails the text of an SMS Twilio could not deliver, the one that sends a customer their order link again, and the
 * short code by which a customer's text names an order.
 */
package dev.waitwell.workflows.notification;
