package dev.waitwell.api.notification;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.order.CustomerLinks;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.workflows.notification.SmsFallback;
import dev.waitwell.workflows.notification.SmsFallbackWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiTest
class TwilioStatusCallbackTest {

    // application-test.yml: public-base-url https://shop.example/ (the trailing slash is dropped), this token.
    private static final String URL = "https://shop.example/webhooks/twilio/status";
    private static final String TOKEN = "test-twilio-auth-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient temporal;

    @Autowired
    TestTemporal.Activities activities;

    @Autowired
    TwilioProperties twilio;

    @Autowired
    WaitwellProperties waitwell;

    @Autowired
    SmsDeliveries deliveries;

    @Autowired
    FailedSmsSweep sweep;

    @Autowired
    CustomerLinks links;

    @Autowired
    SmsOptOuts optOuts;

    @Test
    void signsLikeTwilio() {
        // Twilio's documented example: https://www.twilio.com/docs/usage/security#validating-requests
        Map<String, String[]> parameters = Map.of(
                "CallSid",
                new String[] {"CA1234567890ABCDE"},
                "Caller",
                new String[] {"+12349013030"},
                "Digits",
                new String[] {"1234"},
                "From",
                new String[] {"+12349013030"},
                "To",
                new String[] {"+18005551212"});
        assertThat(TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void marksADeliveredSmsDeliveredAndAddsItToTheTimeline() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);

        callback(signed(Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", "AC1")))
                .andExpect(status().isNoContent());

        assertThat(row(sid)).isEqualTo("DELIVERED|delivered");
        assertThat(events(orderId, sid)).containsExactly("sms-status/" + sid + "/delivered|SMS_DELIVERED");
    }

    @Test
    void marksAnUndeliveredSmsFailedWithTwiliosErrorCode() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003");

        callback(signed(form)).andExpect(status().isNoContent());
        callback(signed(form)).andExpect(status().isNoContent());

        assertThat(row(sid)).isEqualTo("FAILED|Twilio: undelivered, error 30003");
        assertThat(events(orderId, sid)).containsExactly("sms-status/" + sid + "/undelivered|SMS_FAILED");
    }

    @Test
    void refusesAnUnsignedOrWronglySignedCallbackAndChangesNothing() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "delivered");

        callback(form(form))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
        callback(form(form).header("X-Twilio-Signature", TwilioSignature.of("another-token", URL, values(form))))
                .andExpect(status().isForbidden());
        // signed, then tampered with
        Map<String, String> failed = Map.of("MessageSid", sid, "MessageStatus", "failed");
        callback(form(failed).header("X-Twilio-Signature", TwilioSignature.of(TOKEN, URL, values(form))))
                .andExpect(status().isForbidden());

        assertThat(row(sid)).isEqualTo("SENT|null");
        assertThat(events(orderId, sid)).isEmpty();
    }

    @Test
    void acknowledgesAnUnknownMessageWithoutChangingAnything() throws Exception {
        long before =
                jdbc.sql("SELECT count(*) FROM order_events").query(Long.class).single();

        callback(signed(Map.of("MessageSid", "SM" + unique("none"), "MessageStatus", "delivered")))
                .andExpect(status().isNoContent());

        assertThat(jdbc.sql("SELECT count(*) FROM order_events")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aFailedSmsStartsOneEmailFallbackHoweverOftenTwilioRepeatsTheCallback() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        long smsRow = rowId(sid);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "30008");

        callback(signed(form)).andExpect(status().isNoContent());
        callback(signed(form)).andExpect(status().isNoContent());
        String run = awaitFallbackCompleted(smsRow);
        callback(signed(form)).andExpect(status().isNoContent());

        assertThat(awaitFallbackCompleted(smsRow)).as("still the first run").isEqualTo(run);
        List<SmsFallback> runs = activities.smsFallbacks.callsFor(smsRow);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).orderId()).isEqualTo(orderId);
        assertThat(runs.get(0).orderPageUrl()).startsWith("https://shop.example/c/orders/" + orderId + "?token=");
        assertThat(row(sid)).isEqualTo("FAILED|Twilio: failed, error 30008");
    }

    @Test
    void aFallbackThatRanIsNeverStartedAgainEvenWhenItLeftNoEmailRow() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        long smsRow = rowId(sid);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered");
        callback(signed(form)).andExpect(status().isNoContent());
        String run = awaitFallbackCompleted(smsRow);
        // As after a fallback that gave up: the SMS is FAILED and no email row points to it.
        jdbc.sql("DELETE FROM notifications WHERE fallback_of = ?")
                .param(smsRow)
                .update();

        callback(signed(form)).andExpect(status().isNoContent());

        assertThat(awaitFallbackCompleted(smsRow)).as("still the first run").isEqualTo(run);
        assertThat(activities.smsFallbacks.callsFor(smsRow)).hasSize(1);
    }

    @Test
    void aDeliveredSmsStartsNoFallback() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);

        callback(signed(Map.of("MessageSid", sid, "MessageStatus", "delivered")))
                .andExpect(status().isNoContent());

        assertThat(fallbackStarted(rowId(sid))).isFalse();
    }

    @Test
    void aForgedFailedCallbackStartsNoFallback() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "failed");

        callback(form(form).header("X-Twilio-Signature", TwilioSignature.of("another-token", URL, values(form))))
                .andExpect(status().isForbidden());

        assertThat(fallbackStarted(rowId(sid))).isFalse();
        assertThat(row(sid)).isEqualTo("SENT|null");
    }

    @Test
    void whenTemporalIsDownTheCallbackFailsSoThatTwiliosRetryStartsTheFallback() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        long smsRow = rowId(sid);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered");
        WorkflowServiceStubs unreachable = unreachableTemporal();
        try {
            TwilioStatusController withTemporalDown = new TwilioStatusController(
                    twilio,
                    waitwell,
                    deliveries,
                    new SmsFallbacks(WorkflowClient.newInstance(unreachable), links, Clock.systemUTC()),
                    optOuts);

            assertThatThrownBy(() -> withTemporalDown.statusChanged(request(form), signature(form)))
                    .isInstanceOfSatisfying(ApiException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(refused.code()).isEqualTo("WORKFLOW_UNAVAILABLE");
                    });
        } finally {
            unreachable.shutdownNow();
        }
        assertThat(row(sid)).isEqualTo("FAILED|Twilio: undelivered");
        assertThat(fallbackStarted(smsRow)).isFalse();

        callback(signed(form)).andExpect(status().isNoContent());

        awaitFallbackCompleted(smsRow);
        assertThat(activities.smsFallbacks.callsFor(smsRow)).hasSize(1);
    }

    @Test
    void whenTwilioDoesNotRepeatARefusedCallbackTheSweepStartsTheFallbackOnce() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        long smsRow = rowId(sid);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "failed");
        WorkflowServiceStubs unreachable = unreachableTemporal();
        try {
            TwilioStatusController withTemporalDown = new TwilioStatusController(
                    twilio,
                    waitwell,
                    deliveries,
                    new SmsFallbacks(WorkflowClient.newInstance(unreachable), links, Clock.systemUTC()),
                    optOuts);
            assertThatThrownBy(() -> withTemporalDown.statusChanged(request(form), signature(form)))
                    .isInstanceOf(ApiException.class);
        } finally {
            unreachable.shutdownNow();
        }
        sweep.startFailedBefore(Instant.now().minusSeconds(60));
        assertThat(fallbackStarted(smsRow))
                .as("within the grace period: the callback's own retry may still come")
                .isFalse();

        assertThat(sweep.startFailedBefore(Instant.now().plusSeconds(1))).isPositive();
        awaitFallbackCompleted(smsRow);
        sweep.startFailedBefore(Instant.now().plusSeconds(1));

        assertThat(activities.smsFallbacks.callsFor(smsRow)).hasSize(1);
    }

    @Test
    void aFallbackTerminatedPartWayIsStartedAgainByTheSweepOnce() throws Exception {
        String orderId = placed();
        long smsRow = rowId(sms(orderId));
        Instant failedAt = failedLongAgo(smsRow);
        // An operator terminated the fallback before it emailed: Temporal shows the id's run closed, no row says so.
        dev.waitwell.api.OrderListeners.terminatedRunOf(temporal, SmsFallbackWorkflowIds.of(smsRow));

        assertThat(sweep.startFailedBefore(failedAt.plusSeconds(3600))).isEqualTo(1);
        awaitFallbackCompleted(smsRow);
        assertThat(sweep.startFailedBefore(failedAt.plusSeconds(3600)))
                .as("the email's row says it ran")
                .isZero();

        assertThat(activities.smsFallbacks.callsFor(smsRow)).hasSize(1);
    }

    @Test
    void aFallbackLostWhileItsEmailWasClaimedIsStartedAgainToSettleItThenLeftAlone() throws Exception {
        String orderId = placed();
        long smsRow = rowId(sms(orderId));
        Instant failedAt = failedLongAgo(smsRow);
        // Temporal lost the run between the claim and the send: the row says SENDING, no run is known.
        jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status,
                                           fallback_of, updated_at)
                VALUES (?, 'CONFIRMED/sms-fallback', 'EMAIL', 'SMS_FALLBACK', 'ada@example.com', 'SENDING', ?, ?)""").params(orderId, smsRow, java.sql.Timestamp.from(failedAt)).update();

        assertThat(sweep.startFailedBefore(failedAt.plusSeconds(3600))).isEqualTo(1);
        awaitFallbackCompleted(smsRow);
        assertThat(sweep.startFailedBefore(failedAt.plusSeconds(3600)))
                .as("a run that ended is never started again")
                .isZero();

        assertThat(activities.smsFallbacks.callsFor(smsRow)).hasSize(1);
    }

    /** Marks the SMS failed two hours ago, before any other test's: only this test's sweep finds it. */
    private Instant failedLongAgo(long smsRow) {
        Instant failedAt = Instant.now().minusSeconds(7200);
        jdbc.sql("UPDATE notifications SET status = 'FAILED', detail = 'Twilio: failed', updated_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(failedAt), smsRow)
                .update();
        return failedAt;
    }

    private ResultActions callback(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }

    private static MockHttpServletRequestBuilder signed(Map<String, String> form) {
        return form(form).header("X-Twilio-Signature", TwilioSignature.of(TOKEN, URL, values(form)));
    }

    private static MockHttpServletRequestBuilder form(Map<String, String> form) {
        MockHttpServletRequestBuilder request =
                post("/webhooks/twilio/status").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(request::param);
        return request;
    }

    private static Map<String, String[]> values(Map<String, String> form) {
        Map<String, String[]> values = new LinkedHashMap<>();
        form.forEach((name, value) -> values.put(name, new String[] {value}));
        return values;
    }

    private String placed() throws Exception {
        String sku = unique("SMS");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10)))
                .andExpect(status().isCreated());
        String orderId = unique("sms");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        return orderId;
    }

    /** What the worker writes once Twilio accepted an SMS. */
    private String sms(String orderId) {
        String sid = "SM" + unique("sid").replace("-", "");
        jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status, provider_id)
                VALUES (?, 'CONFIRMED', 'SMS', 'confirmed', '+4915112345678', 'SENT', ?)""").params(orderId, sid).update();
        return sid;
    }

    private long rowId(String sid) {
        return jdbc.sql("SELECT id FROM notifications WHERE provider_id = ?")
                .param(sid)
                .query(Long.class)
                .single();
    }

    /**
     * Polls, for the run id of the fallback once it completed. Waiting on its result would let the shared test
     * service skip time, which moves every other test's order workflows on by their timers.
     */
    private String awaitFallbackCompleted(long smsRow) throws InterruptedException {
        WorkflowStub fallback = temporal.newUntypedWorkflowStub(SmsFallbackWorkflowIds.of(smsRow));
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            WorkflowExecutionDescription description = fallback.describe();
            if (description.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
                return description.getExecution().getRunId();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fallback of SMS " + smsRow + " did not complete: "
                + fallback.describe().getStatus());
    }

    private boolean fallbackStarted(long smsRow) {
        try {
            temporal.newUntypedWorkflowStub(SmsFallbackWorkflowIds.of(smsRow)).describe();
            return true;
        } catch (WorkflowNotFoundException notStarted) {
            return false;
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

    private static MockHttpServletRequest request(Map<String, String> form) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/twilio/status");
        request.setContentType(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        form.forEach(request::addParameter);
        return request;
    }

    private static String signature(Map<String, String> form) {
        return TwilioSignature.of(TOKEN, URL, values(form));
    }

    private String row(String sid) {
        return jdbc.sql("SELECT status || '|' || coalesce(detail, 'null') FROM notifications WHERE provider_id = ?")
                .param(sid)
                .query(String.class)
                .single();
    }

    private List<String> events(String orderId, String sid) {
        return jdbc.sql("SELECT event_key || '|' || type FROM order_events WHERE order_id = ? AND event_key LIKE ?")
                .params(orderId, "sms-status/" + sid + "/%")
                .query(String.class)
                .list();
    }
}
