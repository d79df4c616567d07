package dev.waitwell.workflows.notification;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Sends an order's customer the link to their order page again, on the channels they chose, for support (who
 * never see the link themselves). The API starts it with workflow id {@link CustomerLinkWorkflowIds#of}, named by
 * the order and support's audited request, so one request sends one message per channel however often it is
 * started or its activity retried (the message's key is the request's too). It stands apart from the order's
 * workflow, whose history it leaves alone. A mail or SMS outage is retried for about an hour; then it fails, and
 * the order's notifications show what was not sent.
 */
@WorkflowInterface
public interface CustomerLinkWorkflow {

    /** @return each channel's outcome: SENT, SKIPPED (with the reason) or FAILED */
    @WorkflowMethod
    NotificationResult resend(CustomerLinkResend request);
}
