/**
 * Delivery status of the messages the worker sent: Twilio's status callbacks, verified by their signature,
 * mark each SMS delivered or failed on its {@code notifications} row and on the order's timeline, and a failed
 * SMS starts its email fallback ({@code sms-fallback-{notificationId}}, run by the worker).
 */
package dev.waitwell.api.notification;
