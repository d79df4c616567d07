package dev.waitwell.workflows.notification;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Falls back to email for one SMS that Twilio reported failed or undelivered. The API starts it from Twilio's
 * status callback, with workflow id {@link SmsFallbackWorkflowIds#of} so that one SMS falls back once, however
 * often Twilio repeats the callback. It stands alone: the SMS may fail after its order's workflow has closed.
 * Email outages are retried for up to a day; then the workflow fails and the SMS stays FAILED without an email.
 */
@WorkflowInterface
public interface SmsFallbackWorkflow {

    /** @return the outcome of the fallback email: SENT, SKIPPED (with the reason) or FAILED */
    @WorkflowMethod
    Delivery emailInstead(SmsFallback fallback);
}
