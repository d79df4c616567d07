package dev.waitwell.api.payment;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static dev.waitwell.api.StripeWebhooks.delivery;
import static dev.waitwell.api.StripeWebhooks.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.AuthenticatingBank;
import dev.waitwell.api.StripeApiTest;
import dev.waitwell.api.StripeWebhooks;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.WorkflowProbe;
import dev.waitwell.api.metrics.Scrape;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.RefundReconciliation;
import dev.waitwell.workflows.payment.RefundReconciliationWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stripe's webhook over HTTP, signed as Stripe signs it, against orders whose charge waits on the customer's bank
 * (the mocked payment activity answers like the worker's Stripe gateway: {@link AuthenticatingBank}).
 */
@StripeApiTest
class StripeWebhookTest {

    private static final String CHARGE_RESOLVED = "chargeResolved";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient temporal;

    @Autowired
    TestTemporal.Activities activities;

    @Autowired
    PaymentsProperties payments;

    @Autowired
    PaymentEventLog eventLog;

    @Autowired
    Disputes disputes;

    @BeforeEach
    void defaultMocks() {
        activities.reset();
    }

    @Test
    void aSucceededPaymentIntentTellsTheOrderWhoseChargeWaitsOnTheBankAndTheOrderGoesOn() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();

        mvc.perform(delivery(succeeded(eventId, waiting)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventId").value(eventId))
                .andExpect(jsonPath("$.outcome").value("HANDLED"));

        OrderState state = WorkflowProbe.awaitState(
                temporal, waiting.orderId(), now -> now.status() == OrderStatus.AWAITING_RELEASE);
        assertThat(state.paid()).isEqualTo(3_000);
        assertThat(state.paymentIssue()).isNull();
        assertThat(chargeAttempts(waiting)).isEqualTo(2);
        assertThat(processed(eventId)).isEqualTo("payment_intent.succeeded|processed");
        assertThat(paymentStatus(waiting)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailedPaymentIntentHasTheOrderReadTheChargeAgainAndShowTheDecline() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.fail(waiting.paymentIntent());

        mvc.perform(delivery(event(
                        eventId(),
                        "payment_intent.payment_failed",
                        StripeWebhooks.paymentIntent(
                                waiting.paymentIntent(), "requires_payment_method", waiting.orderId()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));

        OrderState state = WorkflowProbe.awaitState(
                temporal,
                waiting.orderId(),
                now -> now.paymentIssue() != null
                        && now.paymentIssue().code().equals(AuthenticatingBank.NOT_CONFIRMED_CODE));
        assertThat(state.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(state.paymentIssue().message()).isEqualTo(AuthenticatingBank.NOT_CONFIRMED);
        assertThat(state.paid()).isZero();
        assertThat(chargeAttempts(waiting)).isEqualTo(2);
    }

    @Test
    void anEventDeliveredAgainIsHandledOnce() throws Exception {
        Waiting waiting = waitingOnTheBank(); // and the customer never confirms: the charge keeps waiting
        String payload = succeeded(eventId(), waiting);
        mvc.perform(delivery(payload)).andExpect(jsonPath("$.outcome").value("HANDLED"));
        awaitChargeAttempts(waiting, 2);

        mvc.perform(delivery(payload))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_HANDLED"));

        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isOne();
        assertThat(paymentStatus(waiting)).isEqualTo("REQUIRES_ACTION");
    }

    @Test
    void refusesAnEventWithoutASignatureAndChangesNothing() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();
        String payload = succeeded(eventId, waiting);

        mvc.perform(delivery(payload, null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
        mvc.perform(delivery(payload, "")).andExpect(status().isBadRequest());
        mvc.perform(delivery(payload, "t=abc,v1=zz")).andExpect(status().isBadRequest());

        assertNothingChanged(waiting, eventId);
    }

    @Test
    void refusesAnEventSignedWithAnotherSecretAndChangesNothing() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();
        String payload = succeeded(eventId, waiting);

        mvc.perform(delivery(payload, StripeWebhooks.signature(payload, "whsec_another_secret", now())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(StripeWebhooks.SECRET))));

        assertNothingChanged(waiting, eventId);
        mvc.perform(delivery(payload)).andExpect(status().isOk()); // the same event, signed by Stripe
    }

    @Test
    void refusesAStaleSignatureSoThatACapturedDeliveryCannotBeReplayedLater() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();
        String payload = succeeded(eventId, waiting);

        mvc.perform(delivery(payload, StripeWebhooks.signature(payload, StripeWebhooks.SECRET, now() - 301)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));

        assertNothingChanged(waiting, eventId);
    }

    @Test
    void refusesABodyChangedAfterItWasSigned() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();
        String signed = event(eventId, "payment_intent.succeeded", "{\"id\": \"pi_someone_elses\"}");
        String changed = succeeded(eventId, waiting);

        mvc.perform(delivery(changed, StripeWebhooks.signature(signed, StripeWebhooks.SECRET, now())))
                .andExpect(status().isBadRequest());
        // Even whitespace counts: the signature is over the bytes as sent.
        mvc.perform(delivery(changed + " ", StripeWebhooks.signature(changed, StripeWebhooks.SECRET, now())))
                .andExpect(status().isBadRequest());

        assertNothingChanged(waiting, eventId);
    }

    @Test
    void refusesEveryEventWhileNoWebhookSecretIsConfigured() throws Exception {
        Waiting waiting = waitingOnTheBank();
        String eventId = eventId();
        String payload = succeeded(eventId, waiting);
        for (String configured : new String[] {null, " "}) {
            StripeWebhookController withoutSecret = new StripeWebhookController(
                    new PaymentsProperties(
                            PaymentsProperties.Gateway.STRIPE, new PaymentsProperties.Stripe(configured)),
                    events(temporal));
            // Signed with the real secret, or with the blank one a careless check would use as its key.
            for (String signedWith : new String[] {StripeWebhooks.SECRET, " "}) {
                assertThatThrownBy(() -> withoutSecret.received(
                                request(payload), StripeWebhooks.signature(payload, signedWith, now())))
                        .isInstanceOfSatisfying(ApiException.class, refused -> {
                            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                            assertThat(refused.code()).isEqualTo("SIGNATURE_INVALID");
                        });
            }
        }
        assertNothingChanged(waiting, eventId);
        assertThat(payments.stripe().toString()).doesNotContain(StripeWebhooks.SECRET);
    }

    @Test
    void refusesABodyLargerThanAnyStripeEvent() throws Exception {
        String payload = event(eventId(), "customer.updated", "{\"note\": \"" + "x".repeat(1024 * 1024) + "\"}");

        mvc.perform(delivery(payload))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void aPaymentIntentWhoseChargeNoLongerWaitsIsAcknowledgedAndChangesNothing() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        mvc.perform(delivery(succeeded(eventId(), waiting)))
                .andExpect(jsonPath("$.outcome").value("HANDLED"));
        WorkflowProbe.awaitState(temporal, waiting.orderId(), now -> now.status() == OrderStatus.AWAITING_RELEASE);

        // Stripe also reports the charge's own success, and PaymentIntents that are not Waitwell's.
        mvc.perform(delivery(succeeded(eventId(), waiting)))
                .andExpect(jsonPath("$.outcome").value("IGNORED"));
        mvc.perform(delivery(event(
                        eventId(),
                        "payment_intent.succeeded",
                        StripeWebhooks.paymentIntent(
                                "pi_not_ours_" + UUID.randomUUID().toString().substring(0, 8),
                                "succeeded",
                                "elsewhere"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IGNORED"));

        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isOne();
        assertThat(chargeAttempts(waiting)).isEqualTo(2);
    }

    @Test
    void aChargeWhoseOrderHasClosedIsAcknowledgedAndChangesNothing() throws Exception {
        Waiting waiting = waitingOnTheBank();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/admin/v1/orders/{id}/cancellation", waiting.orderId())
                        .with(httpBasic("support", "support"))
                        .contentType("application/json")
                        .content("{\"reason\": \"customer called\"}"))
                .andExpect(status().isOk());
        awaitClosed(waiting.orderId());
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();

        mvc.perform(delivery(succeeded(eventId, waiting)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IGNORED"));

        assertThat(processed(eventId)).isEqualTo("payment_intent.succeeded|processed");
        assertThat(chargeAttempts(waiting)).isOne();
    }

    @Test
    void aRefundMadeInStripesDashboardStartsOneReconciliationPerEvent() throws Exception {
        String paymentIntent = "pi_refunded_" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = eventId();
        String payload = event(eventId, "charge.refunded", StripeWebhooks.refundedCharge("ch_refunded", paymentIntent));

        mvc.perform(delivery(payload))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));
        awaitReconciled(eventId);
        mvc.perform(delivery(payload)).andExpect(jsonPath("$.outcome").value("ALREADY_HANDLED"));
        // As when the first answer was lost before the event was marked processed: Stripe delivers it again.
        jdbc.sql("UPDATE payment_events SET processed_at = NULL WHERE event_id = ?")
                .param(eventId)
                .update();
        mvc.perform(delivery(payload)).andExpect(jsonPath("$.outcome").value("HANDLED"));

        verify(activities.payments, times(1))
                .reconcileRefunds(
                        argThat(reconciliation -> reconciliation.eventId().equals(eventId)));
        verify(activities.payments).reconcileRefunds(new RefundReconciliation(paymentIntent, eventId));
    }

    @Test
    void aDisputeIsRecordedOnItsOrderAuditedCountedAndShownToSupport() throws Exception {
        Waiting waiting = paidThroughTheBank();
        String disputeId = "dp_" + UUID.randomUUID().toString().replace("-", "");
        long created = now() - 3_600;
        String eventId = eventId();
        String payload = event(
                eventId,
                "charge.dispute.created",
                StripeWebhooks.dispute(disputeId, waiting.paymentIntent(), 3_000, "product_unacceptable", created));
        double before = disputesCounted("product_unacceptable");

        mvc.perform(delivery(payload))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));

        assertThat(jdbc.sql("""
                        SELECT order_id || '|' || charge_reference || '|' || amount_minor || '|' || currency || '|' ||
                               reason || '|' || status || '|' || extract(epoch FROM opened_at)::bigint
                          FROM order_disputes WHERE dispute_id = ?""").param(disputeId).query(String.class).single())
                .isEqualTo(String.join(
                        "|",
                        waiting.orderId(),
                        waiting.paymentIntent(),
                        "3000",
                        "EUR",
                        "product_unacceptable",
                        "needs_response",
                        Long.toString(created)));
        mvc.perform(get("/admin/v1/audit").param("orderId", waiting.orderId()).with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].user").value("stripe"))
                .andExpect(jsonPath("$.items[0].action").value("DISPUTE_OPENED"))
                .andExpect(jsonPath("$.items[0].reason").value("product_unacceptable"))
                .andExpect(jsonPath("$.items[0].details")
                        .value("EUR 30.00 disputed, " + disputeId + " of " + waiting.paymentIntent()));
        mvc.perform(get("/admin/v1/orders/{id}", waiting.orderId()).with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.disputed").value(true))
                .andExpect(jsonPath("$.disputes.length()").value(1))
                .andExpect(jsonPath("$.disputes[0].disputeId").value(disputeId))
                .andExpect(jsonPath("$.disputes[0].chargeReference").value(waiting.paymentIntent()))
                .andExpect(jsonPath("$.disputes[0].amount").value(3_000))
                .andExpect(jsonPath("$.disputes[0].currency").value("EUR"))
                .andExpect(jsonPath("$.disputes[0].reason").value("product_unacceptable"))
                .andExpect(jsonPath("$.disputes[0].status").value("needs_response"))
                .andExpect(jsonPath("$.disputes[0].openedAt").exists());
        awaitDisputesCounted("product_unacceptable", before + 1);

        // A replay, and a delivery whose first answer was lost: still one dispute, one audit entry.
        mvc.perform(delivery(payload)).andExpect(jsonPath("$.outcome").value("ALREADY_HANDLED"));
        jdbc.sql("UPDATE payment_events SET processed_at = NULL WHERE event_id = ?")
                .param(eventId)
                .update();
        mvc.perform(delivery(payload)).andExpect(jsonPath("$.outcome").value("HANDLED"));
        assertThat(jdbc.sql("SELECT count(*) FROM order_disputes WHERE order_id = ?")
                        .param(waiting.orderId())
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE order_id = ? AND action = 'DISPUTE_OPENED'")
                        .param(waiting.orderId())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void aDisputeOfAChargeThatIsNotWaitwellsIsAcknowledgedAndIgnored() throws Exception {
        Waiting waiting = waitingOnTheBank();
        String disputeId = "dp_" + UUID.randomUUID().toString().replace("-", "");

        mvc.perform(delivery(event(
                        eventId(),
                        "charge.dispute.created",
                        StripeWebhooks.dispute(disputeId, "pi_of_another_shop", 500, "fraudulent", now()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IGNORED"));

        assertThat(jdbc.sql("SELECT count(*) FROM order_disputes WHERE dispute_id = ?")
                        .param(disputeId)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/admin/v1/orders/{id}", waiting.orderId()).with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.disputed").value(false))
                .andExpect(jsonPath("$.disputes").isEmpty());
    }

    @Test
    void acknowledgesAndIgnoresEventTypesWaitwellDoesNotActOn() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();

        mvc.perform(delivery(event(
                        eventId,
                        "payment_intent.processing",
                        StripeWebhooks.paymentIntent(waiting.paymentIntent(), "processing", waiting.orderId()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IGNORED"));

        assertThat(processed(eventId)).isEqualTo("payment_intent.processing|processed");
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isZero();
        assertThat(chargeAttempts(waiting)).isOne();
    }

    @Test
    void whenTemporalIsAwayTheEventIsAnswered503AndStripesRetryHandlesIt() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String eventId = eventId();
        String payload = succeeded(eventId, waiting);
        WorkflowServiceStubs unreachable = unreachableTemporal();
        try {
            StripeWebhookController withTemporalAway =
                    new StripeWebhookController(payments, events(WorkflowClient.newInstance(unreachable)));

            assertThatThrownBy(() -> withTemporalAway.received(request(payload), signature(payload)))
                    .isInstanceOfSatisfying(ApiException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(refused.code()).isEqualTo("WORKFLOW_UNAVAILABLE");
                    });
        } finally {
            unreachable.shutdownNow();
        }
        assertThat(processed(eventId)).isEqualTo("payment_intent.succeeded|not processed");
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isZero();

        mvc.perform(delivery(payload))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));

        WorkflowProbe.awaitState(temporal, waiting.orderId(), now -> now.status() == OrderStatus.AWAITING_RELEASE);
        assertThat(processed(eventId)).isEqualTo("payment_intent.succeeded|processed");
    }

    @Test
    void aRefundReportedWhileTemporalIsAwayIsReconciledOnStripesRetry() throws Exception {
        String paymentIntent = "pi_refunded_" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = eventId();
        String payload = event(eventId, "charge.refunded", StripeWebhooks.refundedCharge("ch_refunded", paymentIntent));
        WorkflowServiceStubs unreachable = unreachableTemporal();
        try {
            StripeEvents withTemporalAway = events(WorkflowClient.newInstance(unreachable));
            assertThatThrownBy(() -> withTemporalAway.handle(eventId, "charge.refunded", payload))
                    .isInstanceOf(ApiException.class);
        } finally {
            unreachable.shutdownNow();
        }
        assertThat(processed(eventId)).isEqualTo("charge.refunded|not processed");

        mvc.perform(delivery(payload)).andExpect(jsonPath("$.outcome").value("HANDLED"));

        awaitReconciled(eventId);
        verify(activities.payments).reconcileRefunds(new RefundReconciliation(paymentIntent, eventId));
    }

    private record Waiting(String orderId, String chargeKey, String paymentIntent) {}

    /** A FULL pre-order whose checkout charge waits on the customer's bank. */
    private Waiting waitingOnTheBank() throws Exception {
        String sku = unique("HOOK");
        mvc.perform(putProduct(sku, product(3_000, "EUR", inDays(40), null, 25)))
                .andExpect(status().isCreated());
        String orderId = unique("hook");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", AuthenticatingBank.METHOD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"));
        String key = ChargeRequest.keyOf(orderId, "full-1");
        return new Waiting(orderId, key, AuthenticatingBank.paymentIntentOf(key));
    }

    /** An order whose customer confirmed with their bank, paid once Stripe said so. */
    private Waiting paidThroughTheBank() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        mvc.perform(delivery(succeeded(eventId(), waiting)))
                .andExpect(jsonPath("$.outcome").value("HANDLED"));
        WorkflowProbe.awaitState(temporal, waiting.orderId(), now -> now.status() == OrderStatus.AWAITING_RELEASE);
        return waiting;
    }

    private static String succeeded(String eventId, Waiting waiting) {
        return event(
                eventId,
                "payment_intent.succeeded",
                StripeWebhooks.paymentIntent(waiting.paymentIntent(), "succeeded", waiting.orderId()));
    }

    private static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String signature(String payload) {
        return StripeWebhooks.signature(payload, StripeWebhooks.SECRET, now());
    }

    private static MockHttpServletRequest request(String payload) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/stripe");
        request.setContentType("application/json");
        request.setContent(payload.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private StripeEvents events(WorkflowClient client) {
        return new StripeEvents(
                eventLog,
                new WaitingCharges(jdbc, client),
                new RefundReconciliations(client),
                disputes,
                Clock.systemUTC());
    }

    private void assertNothingChanged(Waiting waiting, String eventId) {
        assertThat(processed(eventId)).as("no event recorded").isEqualTo("absent");
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isZero();
        assertThat(chargeAttempts(waiting)).isOne();
        assertThat(paymentStatus(waiting)).isEqualTo("REQUIRES_ACTION");
    }

    private String processed(String eventId) {
        return jdbc.sql("""
                        SELECT type || '|' || CASE WHEN processed_at IS NULL THEN 'not processed' ELSE 'processed' END
                          FROM payment_events WHERE event_id = ?""").param(eventId).query(String.class).optional().orElse("absent");
    }

    private String paymentStatus(Waiting waiting) {
        return jdbc.sql("SELECT status FROM payments WHERE idempotency_key = ?")
                .param(waiting.chargeKey())
                .query(String.class)
                .single();
    }

    private long chargeAttempts(Waiting waiting) {
        return Mockito.mockingDetails(activities.payments).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("charge"))
                .map(call -> (ChargeRequest) call.getArgument(0))
                .filter(request -> request.idempotencyKey().equals(waiting.chargeKey()))
                .count();
    }

    private void awaitChargeAttempts(Waiting waiting, long expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (chargeAttempts(waiting) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("charge " + waiting.chargeKey() + " attempted " + chargeAttempts(waiting)
                        + " times, not " + expected);
            }
            Thread.sleep(50);
        }
    }

    private void awaitReconciled(String eventId) throws InterruptedException {
        awaitStatus(RefundReconciliationWorkflowIds.of(eventId));
    }

    private void awaitClosed(String orderId) throws InterruptedException {
        awaitStatus(dev.waitwell.workflows.shared.OrderWorkflowIds.of(orderId));
    }

    /** Polls until the workflow has completed (a blocked wait on its result would skip the shared time). */
    private void awaitStatus(String workflowId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (temporal.newUntypedWorkflowStub(workflowId).describe().getStatus()
                != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(workflowId + " did not complete");
            }
            Thread.sleep(50);
        }
    }

    private double disputesCounted(String reason) throws Exception {
        String text = mvc.perform(get("/actuator/prometheus").with(httpBasic("ops", "ops")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Scrape(text).value("waitwell_disputes_total", "reason=\"" + reason + "\"");
    }

    private void awaitDisputesCounted(String reason, double expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (disputesCounted(reason) != expected) {
            if (Instant.now().isAfter(deadline)) {
                assertThat(disputesCounted(reason)).isEqualTo(expected);
            }
            Thread.sleep(100);
        }
    }

    /** Stubs of a Temporal service that is not there: nothing listens on the port. */
    private static WorkflowServiceStubs unreachableTemporal() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + port)
                .setRpcRetryOptions(
                        RpcRetryOptions.newBuilder().setMaximumAttempts(1).validateBuildWithDefaults())
                .validateAndBuildWithDefaults());
    }
}
