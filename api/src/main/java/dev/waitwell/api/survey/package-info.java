/**
 * The happiness survey (issue #14): the sweep that asks each shipped order's customer once, some days after
 * shipment, how their wait was ({@code survey-{orderId}} workflows), and the one way an answer is recorded (the
 * first counts, every one is kept), for the customer's page and the SMS replies alike.
 */
package dev.waitwell.api.survey;
