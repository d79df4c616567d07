/**
 * Notification contracts: milestones, channels and the facts a message may state.
 */
package dev.waitwell.workflows.notification;
