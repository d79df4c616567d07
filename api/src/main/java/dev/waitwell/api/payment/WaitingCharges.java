package dev.waitwell.api.payment;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.payment.ChargeResolution;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Charges that wait on the customer's bank ({@code payments.status = 'REQUIRES_ACTION'}, the PaymentIntent id as
 * their gateway reference), and the {@code chargeResolved} signal that tells their order to check them again. The
 * order's payment activity reads the processor's answer itself: what the sender saw is only a hint.
 */
@Component
public class WaitingCharges {

    /** A charge that waits on the customer: its order and idempotency key ({@code <orderId>/charge/<step>}). */
    public record WaitingCharge(String orderId, String chargeKey) {}

    private static final Logger log = LoggerFactory.getLogger(WaitingCharges.class);
    // Stripe waits some seconds for a webhook's answer and the customer for their page: a signal is one RPC.
    private static final Duration SIGNAL_WAIT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final WorkflowClient client;

    WaitingCharges(JdbcClient jdbc, WorkflowClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** The charges waiting under this PaymentIntent (at most one, unless the processor reused it). */
    List<WaitingCharge> byReference(String paymentIntent) {
        return jdbc.sql("""
                SELECT order_id, idempotency_key AS charge_key FROM payments
                 WHERE gateway_reference = ? AND kind = 'CHARGE' AND status = 'REQUIRES_ACTION'
                 ORDER BY id""").param(paymentIntent).query(WaitingCharge.class).list();
    }

    /** The order's charge that waits under this PaymentIntent, if it is the order's and still waits. */
    public Optional<WaitingCharge> ofOrder(String orderId, String paymentIntent) {
        return byReference(paymentIntent).stream()
                .filter(charge -> charge.orderId().equals(orderId))
                .findFirst();
    }

    /**
     * Tells the charge's order that the processor resolved it.
     *
     * @return false when the order's workflow has closed or does not exist (nothing waits there any more)
     * @throws ApiException 503 WORKFLOW_UNAVAILABLE when Temporal does not take the signal
     */
    public boolean resolved(WaitingCharge charge, boolean succeeded) {
        OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(charge.orderId()));
        ChargeResolution resolution = new ChargeResolution(charge.chargeKey(), succeeded);
        try {
            WorkflowCalls.bounded(
                    () -> {
                        order.chargeResolved(resolution);
                        return null;
                    },
                    SIGNAL_WAIT);
            log.info(
                    "Order {}: charge {} resolved at the processor (succeeded: {})",
                    charge.orderId(),
                    charge.chargeKey(),
                    succeeded);
            return true;
        } catch (WorkflowNotFoundException closed) {
            log.info(
                    "Order {}: charge {} resolved, but the order's workflow is closed",
                    charge.orderId(),
                    charge.chargeKey());
            return false;
        } catch (TimeoutException | RuntimeException failed) {
            log.error(
                    "Order {}: the resolution of charge {} could not be signalled",
                    charge.orderId(),
                    charge.chargeKey(),
                    failed);
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The order's workflow could not be told now; nothing was recorded. Try again.");
        }
    }
}
