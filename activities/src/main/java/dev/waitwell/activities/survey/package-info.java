/**
 * The worker's side of the happiness survey: opening an order's survey (its {@code surveys} row, which the
 * customer's answer needs) and telling whether the customer's number opted out of SMS. The message itself goes
 * through the notification feature, keyed {@code SURVEY}.
 */
package dev.waitwell.activities.survey;
