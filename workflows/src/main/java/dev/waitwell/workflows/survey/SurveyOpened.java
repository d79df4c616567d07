package dev.waitwell.workflows.survey;

/**
 * The survey is open.
 *
 * @param smsOptedOut the customer's number said STOP (or Twilio reported it unsubscribed): no SMS goes to it
 */
public record SurveyOpened(boolean smsOptedOut) {}
