package dev.waitwell.api.notification;

import dev.waitwell.api.order.CustomerLinks;
import dev.waitwell.api.recovery.WorkflowRuns;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.SmsFallback;
import dev.waitwell.workflows.notification.SmsFallbackWorkflow;
import dev.waitwell.workflows.notification.SmsFallbackWorkflowIds;
import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.Functions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts the email fallback of a failed SMS: an {@code sms-fallback-{notificationId}} workflow on the worker, which
 * has the mail sender. The id is the SMS's row, and a run that ended is never run again, so one SMS falls back once
 * however often it is started; only a run stopped part-way (terminated by hand) is run again.
 */
@Component
class SmsFallbacks {

    private static final Logger log = LoggerFactory.getLogger(SmsFallbacks.class);
    // Twilio waits 15 s for an answer; a start is one RPC, so this is only reached when Temporal is in trouble.
    private static final Duration START_WAIT = Duration.ofSeconds(5);

    private final WorkflowClient client;
    private final CustomerLinks links;
    private final Clock clock;

    SmsFallbacks(WorkflowClient client, CustomerLinks links, Clock clock) {
        this.client = client;
        this.links = links;
        this.clock = clock;
    }

    /**
     * @param linkExpiresAt when the order's customer link expires: the email links the order page until then
     * @throws ApiException 503 WORKFLOW_UNAVAILABLE when Temporal does not take the start; the SMS stays FAILED
     *     without a fallback, so Twilio's retry of the callback starts it
     */
    void start(long notificationId, String orderId, Instant linkExpiresAt) {
        String orderPageUrl = linkExpiresAt != null && linkExpiresAt.isAfter(clock.instant())
                ? links.urlFor(orderId, linkExpiresAt)
                : null;
        SmsFallback fallback = new SmsFallback(notificationId, orderId, orderPageUrl);
        String workflowId = SmsFallbackWorkflowIds.of(notificationId);
        try {
            WorkflowCalls.bounded(() -> startOrRerun(workflowId, fallback), START_WAIT);
            log.info("Order {}: SMS {} failed, email fallback {} started", orderId, notificationId, workflowId);
        } catch (WorkflowExecutionAlreadyStarted done) {
            log.debug("Email fallback {} ran already", workflowId);
        } catch (TimeoutException | RuntimeException failed) {
            log.error("Order {}: email fallback {} could not be started", orderId, workflowId, failed);
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The SMS is "
                            + "marked failed, but its email fallback (" + workflowId
                            + ") could not be started. Repeat the "
                            + "callback to start it.");
        }
    }

    /**
     * Starts the fallback once; a run that was stopped part-way (terminated by hand) is run again, since callers
     * start it only while no email row says it ran. One that ran to its end, even one that gave up, stays closed.
     */
    private WorkflowExecution startOrRerun(String workflowId, SmsFallback fallback) {
        try {
            return WorkflowClient.start(stub(StartOnce.options(workflowId)), fallback);
        } catch (WorkflowExecutionAlreadyStarted closed) {
            if (!WorkflowRuns.stoppedPartWay(client, workflowId)) {
                throw closed;
            }
            return WorkflowClient.start(stub(StartOnce.optionsAllowingRerun(workflowId)), fallback);
        }
    }

    private Functions.Func1<SmsFallback, Delivery> stub(WorkflowOptions.Builder options) {
        return client.newWorkflowStub(SmsFallbackWorkflow.class, options.build())::emailInstead;
    }
}
