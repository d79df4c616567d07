package dev.waitwell.activities.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.MessageOutbox;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The message queue and the worker's sender as they run in the worker: orders queue messages through the local
 * activity, and the sender (on, in this context alone) sends them by SMTP (GreenMail on a fixed port, started by each
 * test that wants the mail server up) and Twilio (WireMock answering as Twilio does), retries, and gives up.
 */
class MessageOutboxTest extends DatabaseTest {

    private static final String SID = "AC0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final int SMTP_PORT = SmtpPort.free();
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());
    private static final Customer EMAIL_ONLY =
            new Customer("c-2", "Grace", "grace@example.com", null, List.of(Channel.EMAIL));

    static {
        TWILIO.start();
    }

    @Autowired
    MessageOutbox outbox;

    private GreenMail greenMail;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("waitwell.messages.outbox.enabled", () -> "true");
        registry.add("waitwell.messages.outbox.poll-interval", () -> "200ms");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> 2000);
        registry.add("spring.mail.properties[mail.smtp.timeout]", () -> 2000);
        registry.add("waitwell.sms.twilio.account-sid", () -> SID);
        registry.add("waitwell.sms.twilio.auth-token", () -> "secret");
        registry.add("waitwell.sms.twilio.from", () -> "+15550001111");
        registry.add("waitwell.sms.twilio.endpoint", () -> "http://127.0.0.1:" + TWILIO.port());
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.stop();
    }

    @BeforeEach
    void twilioAccepts() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM0003\", \"account_sid\": \"" + SID + "\", \"status\": \"queued\"}")));
    }

    @AfterEach
    void smtpDown() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Test
    void aQueuedMessageGoesOutOnceOnEveryChannelHoweverOftenItIsQueued() {
        smtpUp();
        String orderId = fixture.preorder();
        NotificationRequest confirmed = Requests.confirmed(orderId, Requests.ADA);

        outbox.queue(confirmed);
        outbox.queue(confirmed); // the local activity retried

        awaitThat(() -> outcomes(orderId), List.of("CONFIRMED SETTLED"));
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(channels(orderId)).containsExactly("CONFIRMED EMAIL SENT", "CONFIRMED SMS SENT");
    }

    @Test
    void anOrdersMessagesGoOutInTheOrderItAskedForThem() {
        smtpUp();
        String orderId = fixture.preorder();

        for (Milestone milestone : List.of(Milestone.CONFIRMED, Milestone.CHARGED, Milestone.SHIPPED)) {
            outbox.queue(Requests.of(orderId, milestone));
        }

        awaitThat(() -> outcomes(orderId), List.of("CONFIRMED SETTLED", "CHARGED SETTLED", "SHIPPED SETTLED"));
        assertThat(emailKeys(orderId)).containsExactly("CONFIRMED", "CHARGED", "SHIPPED");
    }

    @Test
    void aMessageTheMailServerRefusesIsTriedAgainLaterAndSentOnceItIsBack() {
        String orderId = fixture.preorder();
        outbox.queue(emailOnly(orderId));

        assertThat(holdScheduledRetry(orderId, "CONFIRMED"))
                .as("attempts when the retry was scheduled")
                .isEqualTo(1);
        assertThat(lastError(orderId)).contains("Connection refused");
        assertThat(outcomes(orderId)).containsExactly("CONFIRMED pending");

        smtpUp();
        dueNow(orderId, "CONFIRMED");

        awaitThat(() -> outcomes(orderId), List.of("CONFIRMED SETTLED"));
        assertThat(attempts(orderId, "CONFIRMED")).isEqualTo(2);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anOrdersLaterMessageWaitsWhileAnEarlierOneIsTriedAgain() {
        String orderId = fixture.preorder();
        outbox.queue(emailOnly(orderId));
        outbox.queue(new NotificationRequest(
                orderId, "CHARGED", Milestone.CHARGED, EMAIL_ONLY, Requests.facts(orderId, Milestone.CHARGED)));

        holdScheduledRetry(orderId, "CONFIRMED");
        assertThat(attempts(orderId, "CHARGED"))
                .as("not tried before the confirmation")
                .isZero();

        smtpUp();
        dueNow(orderId, "CONFIRMED");

        awaitThat(() -> outcomes(orderId), List.of("CONFIRMED SETTLED", "CHARGED SETTLED"));
        assertThat(attempts(orderId, "CHARGED")).isEqualTo(1);
        assertThat(emailKeys(orderId)).containsExactly("CONFIRMED", "CHARGED");
    }

    @Test
    void aSettledMessageKeepsNoSignedLink() {
        smtpUp();
        String orderId = fixture.preorder();
        outbox.queue(emailOnly(orderId));

        awaitThat(() -> outcomes(orderId), List.of("CONFIRMED SETTLED"));
        assertThat(jdbc.sql("""
                        SELECT request -> 'facts' ->> 'customerUrl' AS link, request -> 'facts' ->> 'productName' AS product
                          FROM message_outbox WHERE order_id = :orderId""")
                        .param("orderId", orderId)
                        .query((rs, n) -> rs.getString("link") + " " + rs.getString("product"))
                        .single())
                .isEqualTo("null Camera X");
    }

    @Test
    void aMessageStillRefusedAtItsLastAttemptIsGivenUpAndTheOrdersTimelineSaysSo() {
        String orderId = fixture.preorder();
        outbox.queue(emailOnly(orderId));
        holdScheduledRetry(orderId, "CONFIRMED");

        // As after eleven failed attempts and some forty minutes.
        jdbc.sql("UPDATE message_outbox SET attempts = 11 WHERE order_id = :orderId")
                .param("orderId", orderId)
                .update();
        dueNow(orderId, "CONFIRMED");

        awaitThat(() -> outcomes(orderId), List.of("CONFIRMED GAVE_UP"));
        assertThat(jdbc.sql(
                                "SELECT message FROM order_events WHERE order_id = :orderId AND type = 'NOTIFICATION_FAILED'")
                        .param("orderId", orderId)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("CONFIRMED could not be sent: ")
                .contains("Connection refused");
    }

    @Test
    void aMessageIsTriedAgainOnTheMessageActivitysScheduleTwelveAttemptsInAboutFortyMinutes() {
        assertThat(OutboxSender.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxSender.retryDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutboxSender.retryDelay(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(OutboxSender.retryDelay(10)).isEqualTo(Duration.ofMinutes(10));
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < 12; attempt++) {
            total = total.plus(OutboxSender.retryDelay(attempt));
        }
        assertThat(total).isEqualTo(Duration.ofMinutes(37).plusSeconds(2));
    }

    private static NotificationRequest emailOnly(String orderId) {
        return Requests.confirmed(orderId, EMAIL_ONLY);
    }

    private void smtpUp() {
        greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** As when the time of its next attempt comes. */
    private void dueNow(String orderId, String key) {
        jdbc.sql("UPDATE message_outbox SET next_attempt_at = now() WHERE order_id = :orderId AND message_key = :key")
                .param("orderId", orderId)
                .param("key", key)
                .update();
    }

    /**
     * Waits until an attempt at the message failed and the next was scheduled (in the future), then holds that one
     * back an hour, so that the test decides when it comes. The attempts made so far.
     */
    private int holdScheduledRetry(String orderId, String key) {
        awaitThat(
                () -> jdbc.sql("""
                                UPDATE message_outbox SET next_attempt_at = now() + interval '1 hour'
                                 WHERE order_id = :orderId AND message_key = :key AND claimed_until IS NULL
                                   AND last_error IS NOT NULL AND next_attempt_at > now()
                                RETURNING attempts""")
                        .param("orderId", orderId)
                        .param("key", key)
                        .query(Integer.class)
                        .optional()
                        .isPresent(),
                true);
        return attempts(orderId, key);
    }

    private List<String> outcomes(String orderId) {
        return jdbc.sql("SELECT message_key, outcome FROM message_outbox WHERE order_id = :orderId ORDER BY id")
                .param("orderId", orderId)
                .query((rs, n) -> rs.getString(1) + " " + (rs.getString(2) == null ? "pending" : rs.getString(2)))
                .list();
    }

    private int attempts(String orderId, String key) {
        return jdbc.sql("SELECT attempts FROM message_outbox WHERE order_id = :orderId AND message_key = :key")
                .param("orderId", orderId)
                .param("key", key)
                .query(Integer.class)
                .single();
    }

    private List<String> emailKeys(String orderId) {
        return jdbc.sql("""
                        SELECT notification_key FROM notifications
                         WHERE order_id = :orderId AND channel = 'EMAIL' ORDER BY id""").param("orderId", orderId).query(String.class).list();
    }

    private String lastError(String orderId) {
        return jdbc.sql("SELECT last_error FROM message_outbox WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(String.class)
                .single();
    }

    private List<String> channels(String orderId) {
        return jdbc.sql("""
                        SELECT notification_key || ' ' || channel || ' ' || status FROM notifications
                         WHERE order_id = :orderId ORDER BY channel""").param("orderId", orderId).query(String.class).list();
    }

    /** The sender works on its own threads: waits up to ten seconds for {@code actual} to become {@code expected}. */
    private static <T> void awaitThat(Supplier<T> actual, T expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(actual.get()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(actual.get()).isEqualTo(expected);
    }
}
