/**
 * The happiness survey: some days after an order shipped, the customer is asked once how their wait was (1 to 5).
 * The API's sweep starts one {@link dev.waitwell.workflows.survey.SurveyWorkflow} per shipped order; it opens the
 * survey (the row that lets the customer answer) and sends the one message.
 */
package dev.waitwell.workflows.survey;
