/**
 * Notification contracts: milestones, channels and the facts a message may state, the small workflow that
 * emails the text of an SMS Twilio could not deliver, and the one that sends a customer their order link again.
 */
package dev.waitwell.workflows.notification;
