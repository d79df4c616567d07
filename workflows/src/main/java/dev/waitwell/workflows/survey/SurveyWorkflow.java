package dev.waitwell.workflows.survey;

import dev.waitwell.workflows.notification.NotificationResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Asks the customer of a shipped order how their wait was, once. The API's survey sweep starts it with workflow id
 * {@link SurveyWorkflowIds#of} ({@code survey-{orderId}}) and {@code StartOnce}, so several API instances sweeping at
 * once, or a sweep that runs again, start it once. It opens the survey first (the {@code surveys} row the customer's
 * answer needs), then sends one message per chosen channel, keyed {@link SurveyRequest#KEY}: an SMS ("Reply 1-5")
 * unless the number opted out, and an email linking the order page and its five buttons. A mail or SMS outage is
 * retried for about an hour; then it fails, and the order's notifications show what was not sent.
 */
@WorkflowInterface
public interface SurveyWorkflow {

    /** @return each channel's outcome: SENT, SKIPPED (with the reason) or FAILED */
    @WorkflowMethod
    NotificationResult ask(SurveyRequest request);
}
