package dev.waitwell.api.notification;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.workflows.notification.SmsFallbackWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Twilio's callbacks come late, twice, out of order, at the same time, or before the worker has recorded the SID:
 * an SMS never moves backwards, and its row and the order's timeline tell the same story.
 */
@ApiTest
class StatusCallbackOrderTest {

    private static final String URL = "https://shop.example/webhooks/twilio/status";
    private static final String TOKEN = "test-twilio-auth-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SmsDeliveries deliveries;

    @Autowired
    WorkflowClient temporal;

    @Test
    void aLateSentAfterDeliveredChangesNothing() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);

        callback(sid, "sent");
        callback(sid, "delivered");
        callback(sid, "sent");
        callback(sid, "queued");
        callback(sid, "delivered");

        assertThat(row(sid)).isEqualTo("DELIVERED|delivered|delivered");
        assertThat(events(sid)).containsExactly("SMS_DELIVERED");
    }

    @Test
    void theFirstFinalOutcomeStaysAndALateFailureStartsNoFallback() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);

        callback(sid, "delivered");
        callback(sid, "undelivered");
        callback(sid, "failed");

        assertThat(row(sid)).isEqualTo("DELIVERED|delivered|delivered");
        assertThat(events(sid)).containsExactly("SMS_DELIVERED");
        assertThat(fallbackStarted(sid)).isFalse();
    }

    @Test
    void progressIsKeptInRankOrderWithoutTouchingWhatTheWorkerWrote() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);

        callback(sid, "sent");
        callback(sid, "sending");

        assertThat(row(sid)).isEqualTo("SENT|sent to +4915112345678|sent");
        assertThat(events(sid)).isEmpty();
    }

    @Test
    void concurrentFinalOutcomesLeaveOneOutcomeOnTheRowAndTheTimeline() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<?>> callbacks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String status = i % 2 == 0 ? "delivered" : "undelivered";
            callbacks.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                deliveries.report(sid, status, null);
            }));
        }
        start.countDown();
        CompletableFuture.allOf(callbacks.toArray(CompletableFuture[]::new)).join();

        List<String> events = events(sid);
        assertThat(events).hasSize(1);
        assertThat(row(sid))
                .startsWith(events.get(0).equals("SMS_DELIVERED") ? "DELIVERED|delivered|delivered" : "FAILED|");
    }

    @Test
    void aReportBeforeTheSidIsRecordedIsHeldKeepingItsHighestRank() throws Exception {
        String sid = "SM" + unique("early").replace("-", "");
        long events =
                jdbc.sql("SELECT count(*) FROM order_events").query(Long.class).single();

        callback(sid, "sent");
        callback(sid, "undelivered", "30003");
        callback(sid, "sent");

        assertThat(jdbc.sql("SELECT status || '|' || error_code FROM sms_status_reports WHERE provider_id = ?")
                        .param(sid)
                        .query(String.class)
                        .single())
                .isEqualTo("undelivered|30003");
        assertThat(jdbc.sql("SELECT count(*) FROM order_events")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
    }

    @Test
    void aStatusWithoutARankIsNeitherAppliedNorHeld() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        String unknown = "SM" + unique("read").replace("-", "");

        callback(sid, "read");
        callback(unknown, "canceled");

        assertThat(row(sid)).isEqualTo("SENT|sent to +4915112345678|null");
        assertThat(jdbc.sql("SELECT count(*) FROM sms_status_reports WHERE provider_id = ?")
                        .param(unknown)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void callback(String sid, String status) throws Exception {
        callback(sid, status, null);
    }

    private void callback(String sid, String status, String errorCode) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("MessageStatus", status);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        Map<String, String[]> values = new LinkedHashMap<>();
        form.forEach((name, value) -> values.put(name, new String[] {value}));
        MockHttpServletRequestBuilder request = post("/webhooks/twilio/status")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", TwilioSignature.of(TOKEN, URL, values));
        form.forEach(request::param);
        mvc.perform(request).andExpect(status().isNoContent());
    }

    private String placed() throws Exception {
        String sku = unique("RANK");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10)))
                .andExpect(status().isCreated());
        String orderId = unique("rank");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        return orderId;
    }

    /** What the worker writes once Twilio accepted an SMS. */
    private String sms(String orderId) {
        String sid = "SM" + unique("sid").replace("-", "");
        jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status, detail,
                                           provider_id)
                VALUES (?, 'CONFIRMED', 'SMS', 'confirmed', '+4915112345678', 'SENT', 'sent to +4915112345678', ?)""").params(orderId, sid).update();
        return sid;
    }

    private String row(String sid) {
        return jdbc.sql("""
                SELECT status || '|' || coalesce(detail, 'null') || '|' || coalesce(provider_status, 'null')
                  FROM notifications WHERE provider_id = ?""").param(sid).query(String.class).single();
    }

    private List<String> events(String sid) {
        return jdbc.sql("SELECT type FROM order_events WHERE event_key LIKE ? ORDER BY id")
                .param("sms-status/" + sid + "/%")
                .query(String.class)
                .list();
    }

    private boolean fallbackStarted(String sid) {
        long id = jdbc.sql("SELECT id FROM notifications WHERE provider_id = ?")
                .param(sid)
                .query(Long.class)
                .single();
        try {
            temporal.newUntypedWorkflowStub(SmsFallbackWorkflowIds.of(id)).describe();
            return true;
        } catch (WorkflowNotFoundException notStarted) {
            return false;
        }
    }
}
