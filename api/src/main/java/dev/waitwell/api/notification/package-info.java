/**
 * Twilio and the customer's phone. Status callbacks, verified by their signature, mark each SMS delivered or failed
 * on its {@code notifications} row and on the order's timeline, and a failed SMS starts its email fallback
 * ({@code sms-fallback-{notificationId}}, run by the worker). Texts customers send to the shop's number arrive on the
 * inbound webhook, are kept once per MessageSid and answered in TwiML: STATUS, a delay's WAIT, SWITCH or CANCEL (as
 * the link decides it), STOP and START (opt-outs by number), HELP, a survey score. Staff preview each milestone's email and SMS with
 * sample facts in any shipped language ({@code /admin/v1/messages/preview}).
 */
package dev.waitwell.api.notification;
