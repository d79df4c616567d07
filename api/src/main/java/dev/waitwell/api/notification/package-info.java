/**
 * Delivery status of the messages the worker sent: Twilio's status callbacks, verified by their signature,
 * mark each SMS delivered or failed on its {@code notifications} row and on the order's timeline.
 */
package dev.waitwell.api.notification;
