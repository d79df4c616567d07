package dev.waitwell.activities.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Twilio answers the send slowly: its delivery report may reach the API before the SID is recorded, and Temporal may
 * retry the attempt while it still waits. The SMS's row and the order's timeline never disagree.
 */
class SlowTwilioTest extends DatabaseTest {

    private static final String ACCOUNT = "AC0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String SENT = "sent to +15550002222";
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    static {
        TWILIO.start();
    }

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("waitwell.sms.twilio.account-sid", () -> ACCOUNT);
        registry.add("waitwell.sms.twilio.auth-token", () -> "secret");
        registry.add("waitwell.sms.twilio.from", () -> "+15550001111");
        registry.add("waitwell.sms.twilio.endpoint", () -> "http://127.0.0.1:" + TWILIO.port());
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.stop();
    }

    @BeforeEach
    void resetTwilio() {
        TWILIO.resetAll();
    }

    @Test
    void aDeliveryReportThatCameBeforeTheSidIsAppliedWhenTheSidIsRecorded() {
        String sid = twilioAnswers(Duration.ZERO);
        String orderId = fixture.preorder();
        held(sid, "delivered", null);

        Delivery sms = notifications
                .notify(Requests.confirmed(orderId, Requests.ADA))
                .deliveries()
                .get(1);

        assertThat(sms).isEqualTo(new Delivery(Channel.SMS, DeliveryStatus.SENT, SENT));
        assertThat(row(orderId)).isEqualTo("DELIVERED|delivered|" + sid + "|delivered");
        assertThat(timeline(orderId))
                .containsSubsequence("NOTIFICATION_SENT: CONFIRMED SMS " + SENT, "SMS_DELIVERED: SMS delivered");
        assertThat(jdbc.sql("SELECT count(*) FROM sms_status_reports WHERE provider_id = ?")
                        .param(sid)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFailureReportThatCameFirstMarksTheSmsFailedForItsFallback() {
        String sid = twilioAnswers(Duration.ZERO);
        String orderId = fixture.preorder();
        held(sid, "undelivered", "30003");

        notifications.notify(Requests.confirmed(orderId, Requests.ADA));

        assertThat(row(orderId)).isEqualTo("FAILED|Twilio: undelivered, error 30003|" + sid + "|undelivered");
        assertThat(timeline(orderId)).contains("SMS_FAILED: SMS not delivered (Twilio: undelivered, error 30003)");
    }

    @Test
    void anEarlierProgressReportHeldChangesOnlyTheProviderStatus() {
        String sid = twilioAnswers(Duration.ZERO);
        String orderId = fixture.preorder();
        held(sid, "sent", null);

        notifications.notify(Requests.confirmed(orderId, Requests.ADA));

        assertThat(row(orderId)).isEqualTo("SENT|" + SENT + "|" + sid + "|sent");
        assertThat(timeline(orderId)).noneMatch(event -> event.startsWith("SMS_"));
    }

    @Test
    void anAnswerThatCameAfterTheRetryClosedTheClaimSaysSentOnTheRowAndTheTimeline() throws Exception {
        String sid = twilioAnswers(Duration.ofSeconds(2));
        String orderId = fixture.preorder();
        NotificationRequest request = Requests.confirmed(orderId, Requests.ADA);
        CompletableFuture<NotificationResult> slow = CompletableFuture.supplyAsync(() -> notifications.notify(request));
        awaitClaimAndSend(orderId);

        Delivery retried = notifications.notify(request).deliveries().get(1);
        Delivery late = slow.get().deliveries().get(1);

        assertThat(retried.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(late).isEqualTo(new Delivery(Channel.SMS, DeliveryStatus.SENT, SENT));
        assertThat(row(orderId)).isEqualTo("SENT|" + SENT + "|" + sid + "|null");
        assertThat(timeline(orderId))
                .containsSubsequence(
                        "NOTIFICATION_FAILED: CONFIRMED SMS failed: outcome unknown after interrupted send",
                        "NOTIFICATION_SENT: CONFIRMED SMS " + SENT
                                + " after all (the provider answered after the attempt was given up)");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    /** A new SID each time, answered after {@code delay}. */
    private static String twilioAnswers(Duration delay) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withFixedDelay((int) delay.toMillis())
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"sid": "%s", "account_sid": "%s", "status": "queued", "to": "+15550002222",
                                 "from": "+15550001111", "body": "...", "num_segments": "1",
                                 "direction": "outbound-api", "api_version": "2010-04-01"}
                                """.formatted(sid, ACCOUNT))));
        return sid;
    }

    /** As the API holds a report for a SID no row has yet. */
    private void held(String sid, String status, String errorCode) {
        jdbc.sql("INSERT INTO sms_status_reports (provider_id, status, error_code) VALUES (?, ?, ?)")
                .params(sid, status, errorCode)
                .update();
    }

    private void awaitClaimAndSend(String orderId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).size() == 1
                    && "SENDING"
                            .equals(jdbc.sql("SELECT status FROM notifications WHERE order_id = ? AND channel = 'SMS'")
                                    .param(orderId)
                                    .query(String.class)
                                    .optional()
                                    .orElse(null))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the slow attempt did not claim and send");
    }

    private String row(String orderId) {
        return jdbc.sql("""
                        SELECT status || '|' || detail || '|' || provider_id || '|' || coalesce(provider_status, 'null')
                          FROM notifications WHERE order_id = ? AND channel = 'SMS'""").param(orderId).query(String.class).single();
    }

    private List<String> timeline(String orderId) {
        return jdbc.sql("SELECT type || ': ' || message FROM order_events WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query(String.class)
                .list();
    }
}
