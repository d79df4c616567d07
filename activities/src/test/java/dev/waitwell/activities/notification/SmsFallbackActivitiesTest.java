package dev.waitwell.activities.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.SmsFallback;
import dev.waitwell.workflows.notification.SmsFallbackActivities;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.failure.ApplicationFailure;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The email fallback of an SMS: the SMS goes out through WireMock answering as Twilio, is marked FAILED as the
 * API does on Twilio's callback, and the fallback email arrives in GreenMail (a real SMTP server, started per
 * test on a fixed port, so a test can also run with nothing listening there).
 */
class SmsFallbackActivitiesTest extends DatabaseTest {

    private static final String SID = "AC0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final int SMTP_PORT = SmtpPort.free();
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());
    private static final Customer SMS_ONLY =
            new Customer("c-1", "Ada", "ada@example.com", "+15550002222", List.of(Channel.SMS));

    static {
        TWILIO.start();
    }

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    @Autowired
    @Qualifier("smsFallbackActivities") SmsFallbackActivities fallbacks;

    private GreenMail smtp;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("waitwell.mail.from", () -> "shop@waitwell.test");
        registry.add("waitwell.sms.twilio.account-sid", () -> SID);
        registry.add("waitwell.sms.twilio.auth-token", () -> "secret");
        registry.add("waitwell.sms.twilio.from", () -> "+15550001111");
        registry.add("waitwell.sms.twilio.endpoint", () -> "http://127.0.0.1:" + TWILIO.port());
    }

    @BeforeEach
    void providersUp() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM0003\", \"account_sid\": \"" + SID + "\", \"status\": \"queued\"}")));
        startSmtp();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.stop();
    }

    @Test
    void emailsTheTextOfTheFailedSmsWithTheMilestoneInTheSubject() throws Exception {
        String orderId = orderOf(SMS_ONLY);
        long sms = failedSms(orderId, SMS_ONLY);

        String freshLink = "https://shop.example/c/orders/" + orderId + "?token=fresh";
        Delivery email = fallbacks.emailInstead(new SmsFallback(sms, orderId, freshLink));

        assertThat(email).isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com"));
        String sentLink = Requests.facts(orderId, Milestone.CONFIRMED).customerUrl();
        String smsText = twilioBody();
        assertThat(smsText).endsWith(" " + sentLink);
        assertThat(smsText).startsWith("Waitwell Demo Shop, order " + orderId + ": Camera X confirmed.");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(received[0].getSubject())
                .isEqualTo("Order " + orderId + " confirmed: our text message did not reach you");
        assertThat(MailParts.text(received[0]))
                .contains(
                        "Hello Ada,",
                        "about your order " + orderId + " (confirmed) to +15550002222, but it could not be delivered",
                        "This is what it said:\n" + smsText.replace(sentLink, freshLink));
        assertThat(jdbc.sql("SELECT body FROM notifications WHERE id = ?")
                        .param(sms)
                        .query(String.class)
                        .single())
                .as("the signed link is not kept in the database")
                .isEqualTo(smsText.replace(sentLink, "[order page link]"));
        assertThat(fallbackRow(orderId)).isEqualTo("CONFIRMED/sms-fallback EMAIL SMS_FALLBACK SENT " + sms);
        assertThat(timeline(orderId))
                .contains("SMS_FALLBACK_EMAILED: CONFIRMED SMS not delivered; emailed instead, "
                        + "sent to ada@example.com");
    }

    @Test
    void aRetryOrASecondStartNeverSendsASecondEmail() {
        String orderId = orderOf(SMS_ONLY);
        long sms = failedSms(orderId, SMS_ONLY);
        SmsFallback fallback = new SmsFallback(sms, orderId, null);

        fallbacks.emailInstead(fallback);
        Delivery again = fallbacks.emailInstead(fallback);

        assertThat(again).isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com"));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(timeline(orderId))
                .filteredOn(event -> event.startsWith("SMS_FALLBACK"))
                .hasSize(1);
    }

    @Test
    void anSmtpOutageFailsTheAttemptWithoutARowAndTheRetrySendsOnce() {
        String orderId = orderOf(SMS_ONLY);
        long sms = failedSms(orderId, SMS_ONLY);
        SmsFallback fallback = new SmsFallback(sms, orderId, null);
        stopSmtp();

        assertThatThrownBy(() -> fallbacks.emailInstead(fallback))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("SMTP error");
        assertThat(fallbackRow(orderId)).isNull();

        startSmtp();
        Delivery retried = fallbacks.emailInstead(fallback);

        assertThat(retried.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anAttemptThatDiedMidSendIsMarkedFailedAndNotResent() {
        String orderId = orderOf(SMS_ONLY);
        long sms = failedSms(orderId, SMS_ONLY);
        jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status,
                                           fallback_of)
                VALUES (?, 'CONFIRMED/sms-fallback', 'EMAIL', 'SMS_FALLBACK', 'ada@example.com', 'SENDING', ?)""").params(orderId, sms).update();

        Delivery email = fallbacks.emailInstead(new SmsFallback(sms, orderId, null));

        assertThat(email)
                .isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.FAILED, NotificationActivitiesImpl.INTERRUPTED));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(timeline(orderId))
                .contains("SMS_FALLBACK_FAILED: CONFIRMED SMS not delivered; email failed: "
                        + NotificationActivitiesImpl.INTERRUPTED);
    }

    @Test
    void aCustomerWithoutAnEmailAddressIsSkippedWithTheReason() {
        Customer phoneOnly = new Customer("c-1", "Ada", null, "+15550002222", List.of(Channel.SMS));
        String orderId = orderOf(phoneOnly);
        long sms = failedSms(orderId, phoneOnly);

        Delivery email = fallbacks.emailInstead(new SmsFallback(sms, orderId, null));

        assertThat(email).isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.SKIPPED, "no email address"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(fallbackRow(orderId)).isEqualTo("CONFIRMED/sms-fallback EMAIL SMS_FALLBACK SKIPPED " + sms);
        assertThat(timeline(orderId))
                .contains("SMS_FALLBACK_SKIPPED: CONFIRMED SMS not delivered; no email instead: no email address");
    }

    @Test
    void aMilestoneAlreadyEmailedIsNotEmailedAgain() {
        String orderId = orderOf(Requests.ADA);
        long sms = failedSms(orderId, Requests.ADA);

        Delivery email = fallbacks.emailInstead(new SmsFallback(sms, orderId, null));

        assertThat(email).isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.SKIPPED, "already emailed"));
        assertThat(smtp.getReceivedMessages())
                .as("the milestone's own email only")
                .hasSize(1);
        assertThat(fallbackRow(orderId)).isEqualTo("CONFIRMED/sms-fallback EMAIL SMS_FALLBACK SKIPPED " + sms);
    }

    @Test
    void anSmsSentBeforeTextsWereKeptGetsANoteWithTheOrderPageLink() throws Exception {
        String orderId = orderOf(SMS_ONLY);
        long sms = legacyFailedSms(orderId);

        fallbacks.emailInstead(new SmsFallback(sms, orderId, "https://shop.example/c/orders/" + orderId + "?token=t"));

        String body = MailParts.text(smtp.getReceivedMessages()[0]);
        assertThat(body)
                .contains(
                        "about your order " + orderId + " (shipped)",
                        "Your order page shows where your order stands.",
                        "Your order " + orderId + ": https://shop.example/c/orders/" + orderId + "?token=t");
    }

    @Test
    void anSmsSentBeforeTextsWereKeptWithoutAValidLinkGetsTheOrdersStatus() throws Exception {
        String orderId = orderOf(SMS_ONLY);
        long sms = legacyFailedSms(orderId);

        fallbacks.emailInstead(new SmsFallback(sms, orderId, null));

        MimeMessage email = smtp.getReceivedMessages()[0];
        assertThat(email.getSubject()).isEqualTo("Order " + orderId + " shipped: our text message did not reach you");
        assertThat(MailParts.text(email))
                .contains("Your order " + orderId + " is now waiting for the release.")
                .doesNotContain("/c/orders/", "token");
    }

    @Test
    void anUnknownSmsIsABusinessFailureThatIsNotRetried() {
        String orderId = orderOf(SMS_ONLY);

        assertThatThrownBy(() -> fallbacks.emailInstead(new SmsFallback(999_999_999L, orderId, null)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(BusinessFailure.NOTIFICATION_NOT_FOUND.name());
                    assertThat(failure.isNonRetryable()).isTrue();
                });
    }

    /** A pre-order whose row carries the customer's name and email address, as checkout stores them. */
    private String orderOf(Customer customer) {
        String orderId = fixture.preorder();
        jdbc.sql("UPDATE orders SET customer_name = ?, customer_email = ? WHERE order_id = ?")
                .params(customer.name(), customer.email(), orderId)
                .update();
        return orderId;
    }

    /** The CONFIRMED milestone sent on the customer's channels, its SMS then marked failed as the API does. */
    private long failedSms(String orderId, Customer customer) {
        notifications.notify(new NotificationRequest(
                orderId, "CONFIRMED", Milestone.CONFIRMED, customer, Requests.facts(orderId, Milestone.CONFIRMED)));
        return jdbc.sql("""
                UPDATE notifications SET status = 'FAILED', detail = 'Twilio: undelivered, error 30003'
                 WHERE order_id = ? AND channel = 'SMS' RETURNING id""").param(orderId).query(Long.class).single();
    }

    /** A failed SHIPPED SMS written before V7: no body. */
    private long legacyFailedSms(String orderId) {
        return jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status, detail,
                                           provider_id)
                VALUES (?, 'SHIPPED', 'SMS', 'SHIPPED', '+15550002222', 'FAILED', 'Twilio: failed', 'SMold')
                RETURNING id""").param(orderId).query(Long.class).single();
    }

    private String twilioBody() {
        List<LoggedRequest> sent = TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(sent).hasSize(1);
        return sent.get(0).formParameters().get("Body").firstValue();
    }

    private String fallbackRow(String orderId) {
        return jdbc.sql("""
                SELECT notification_key || ' ' || channel || ' ' || template || ' ' || status || ' ' || fallback_of
                  FROM notifications WHERE order_id = ? AND fallback_of IS NOT NULL""").param(orderId).query(String.class).optional().orElse(null);
    }

    private List<String> timeline(String orderId) {
        return jdbc.sql("SELECT type || ': ' || message FROM order_events WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query(String.class)
                .list();
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }
}
