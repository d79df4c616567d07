/**
 * Notification contracts: milestones, channels and the facts a message may state, and the small workflow that
 * emails the text of an SMS Twilio could not deliver.
 */
package dev.waitwell.workflows.notification;
