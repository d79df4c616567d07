package dev.waitwell.activities.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Email through GreenMail (a real SMTP server), SMS through WireMock answering as Twilio's API does. */
class NotificationDeliveryTest extends DatabaseTest {

    private static final String SID = "AC0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String SHOP_NUMBER = "+15550001111";

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    static {
        SMTP.start();
        TWILIO.start();
    }

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    @Autowired
    org.springframework.mail.javamail.JavaMailSender mailSender;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        // As the worker sets it (application.yml): each connection's writes are timed.
        registry.add("spring.mail.properties[mail.smtp.writetimeout]", () -> "10000");
        registry.add("waitwell.mail.from", () -> "shop@waitwell.test");
        registry.add("waitwell.sms.twilio.account-sid", () -> SID);
        registry.add("waitwell.sms.twilio.auth-token", () -> "secret");
        registry.add("waitwell.sms.twilio.from", () -> SHOP_NUMBER);
        registry.add("waitwell.sms.twilio.endpoint", () -> "http://127.0.0.1:" + TWILIO.port());
        registry.add("waitwell.sms.twilio.public-base-url", () -> "https://shop.example/");
    }

    @AfterAll
    static void stopProviders() {
        SMTP.stop();
        TWILIO.stop();
    }

    @BeforeEach
    void resetProviders() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        TWILIO.resetAll();
    }

    @Test
    void confirmationEmailGoesToTheCustomerWithMilestoneSubjectAndOrderFacts() throws Exception {
        twilioAccepts();
        String orderId = fixture.preorder();

        Delivery email = notifications
                .notify(Requests.confirmed(orderId, Requests.ADA))
                .deliveries()
                .get(0);

        assertThat(email).isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com"));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(received[0].getFrom())
                .extracting(Object::toString)
                .containsExactly("Waitwell Demo Shop <shop@waitwell.test>");
        assertThat(received[0].getSubject())
                .isEqualTo("Order " + orderId + " confirmed: Camera X arrives December 24, 2026");
        assertThat(received[0].getContentType()).startsWith("multipart/alternative");
        assertThat(MailParts.text(received[0]))
                .contains(
                        "Hello Ada",
                        "$20.00",
                        "$100.00",
                        "December 24, 2026",
                        "http://localhost:8080/my/orders/" + orderId,
                        "Waitwell Demo Shop");
        assertThat(MailParts.html(received[0]))
                .contains(
                        "<html lang=\"en\">",
                        "Hello Ada,",
                        "December 24, 2026",
                        "href=\"http://localhost:8080/my/orders/" + orderId);
        assertThat(timeline(orderId)).contains("NOTIFICATION_SENT: CONFIRMED email sent to ada@example.com");
    }

    @Test
    void emailsAreTimedByOneSharedSchedulerAndEncodedWithoutAServiceLoaderPerPart() throws Exception {
        twilioAccepts();
        String orderId = fixture.preorder();

        // From a thread whose context class loader sees none of the application's jars, as some threads of a Spring
        // Boot jar: the provider named for Jakarta Mail must still load.
        Thread sender = new Thread(() -> notifications.notify(Requests.confirmed(orderId, Requests.ADA)));
        sender.setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[0], null));
        sender.start();
        sender.join(30_000);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(System.getProperty(SmtpSetup.STREAM_PROVIDER))
                .as("named, so that Jakarta Mail loads it rather than running a service loader")
                .isEqualTo(SmtpSetup.ANGUS_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(SmtpSetup.ANGUS_STREAM_PROVIDER);
        assertThat(((org.springframework.mail.javamail.JavaMailSenderImpl) mailSender)
                        .getJavaMailProperties()
                        .get(SmtpSetup.WRITE_TIMEOUT_EXECUTOR))
                .isInstanceOf(java.util.concurrent.ScheduledExecutorService.class);
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .as("the connection's writes were timed by the shared scheduler")
                .contains("smtp-write-timeouts");
    }

    @Test
    void smsGoesThroughTwilioFromTheShopNumberAndItsSidIsKept() {
        twilioAccepts();
        String orderId = fixture.preorder();

        Delivery sms = notifications
                .notify(Requests.confirmed(orderId, Requests.ADA))
                .deliveries()
                .get(1);

        assertThat(sms).isEqualTo(new Delivery(Channel.SMS, DeliveryStatus.SENT, "sent to +15550002222"));
        TWILIO.verify(
                1,
                postRequestedFor(urlPathEqualTo(MESSAGES))
                        .withFormParam("To", equalTo("+15550002222"))
                        .withFormParam("From", equalTo(SHOP_NUMBER))
                        .withFormParam("StatusCallback", equalTo("https://shop.example/webhooks/twilio/status"))
                        .withFormParam(
                                "Body", containing("Waitwell Demo Shop, order " + orderId + ": Camera X confirmed."))
                        .withFormParam("Body", containing("Charged $20.00")));
        assertThat(jdbc.sql("SELECT provider_id FROM notifications WHERE order_id = ? AND channel = 'SMS'")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("SM0001");
        assertThat(timeline(orderId)).contains("NOTIFICATION_SENT: CONFIRMED SMS sent to +15550002222");
    }

    @Test
    void retriedNotifySendsExactlyOncePerChannel() {
        twilioAccepts();
        String orderId = fixture.preorder();
        NotificationRequest request = Requests.confirmed(orderId, Requests.ADA);

        notifications.notify(request);
        List<Delivery> retried = notifications.notify(request).deliveries();

        assertThat(retried).extracting(Delivery::status).containsExactly(DeliveryStatus.SENT, DeliveryStatus.SENT);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(timeline(orderId)).hasSize(2);
    }

    @Test
    void twilioOutageFailsTheAttemptAndTheRetrySendsTheSmsOnce() {
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service unavailable\", \"status\": 503}"))
                .willSetStateTo("recovered"));
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .inScenario("outage")
                .whenScenarioStateIs("recovered")
                .willReturn(created()));
        String orderId = fixture.preorder();
        NotificationRequest request = Requests.confirmed(orderId, Requests.ADA);

        assertThatThrownBy(() -> notifications.notify(request))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("503");
        List<Delivery> retried = notifications.notify(request).deliveries();

        assertThat(retried).extracting(Delivery::status).containsExactly(DeliveryStatus.SENT, DeliveryStatus.SENT);
        TWILIO.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.sql("SELECT status FROM notifications WHERE order_id = ? AND channel = 'SMS'")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("SENT");
    }

    @Test
    void numberTwilioRefusesIsFailedForGoodWithoutRetry() {
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number\", \"status\": 400}")));
        String orderId = fixture.preorder();
        NotificationRequest request = Requests.confirmed(orderId, Requests.ADA);

        Delivery sms = notifications.notify(request).deliveries().get(1);
        notifications.notify(request);

        assertThat(sms.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(sms.detail()).contains("400", "Invalid 'To' Phone Number");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(timeline(orderId)).anyMatch(event -> event.startsWith("NOTIFICATION_FAILED: CONFIRMED SMS failed"));
    }

    @Test
    void sendInterruptedByACrashIsNotRepeatedButMarkedFailed() {
        twilioAccepts();
        String orderId = fixture.preorder();
        jdbc.sql("""
                        INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status)
                        VALUES (?, 'CONFIRMED', 'SMS', 'CONFIRMED', '+15550002222', 'SENDING')""").param(orderId).update();

        Delivery sms = notifications
                .notify(Requests.confirmed(orderId, Requests.ADA))
                .deliveries()
                .get(1);

        assertThat(sms)
                .isEqualTo(new Delivery(Channel.SMS, DeliveryStatus.FAILED, "outcome unknown after interrupted send"));
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(timeline(orderId))
                .contains("NOTIFICATION_FAILED: CONFIRMED SMS failed: outcome unknown after interrupted send");
    }

    @Test
    void aResentLinkGoesOutOncePerSupportRequestWithTheLinkThatItsRowsLeaveOut() throws Exception {
        twilioAccepts();
        String orderId = fixture.preorder();
        String link = "https://shop.example/c/orders/" + orderId + "?token=1798761600.c2lnbmVk";
        MessageFacts facts = new MessageFacts("Camera X", "CAM-X", 1, null, null, null, null, link, null, null, null);
        NotificationRequest resend =
                new NotificationRequest(orderId, "LINK_RESENT-41", Milestone.LINK_RESENT, Requests.ADA, facts);

        notifications.notify(resend);
        List<Delivery> retried = notifications.notify(resend).deliveries();

        assertThat(retried).extracting(Delivery::status).containsExactly(DeliveryStatus.SENT, DeliveryStatus.SENT);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject())
                .isEqualTo("Order " + orderId + ": the link to your order");
        assertThat(MailParts.text(SMTP.getReceivedMessages()[0]))
                .contains("Here is the link to your order " + orderId, link);
        TWILIO.verify(
                1,
                postRequestedFor(urlPathEqualTo(MESSAGES))
                        .withFormParam("Body", containing("Here is the link to your order of Camera X: " + link)));
        assertThat(jdbc.sql("SELECT body FROM notifications WHERE order_id = ? AND template = 'LINK_RESENT'")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allSatisfy(body -> assertThat(body).contains(StoredBodies.LINK).doesNotContain("token="));

        notifications.notify(
                new NotificationRequest(orderId, "LINK_RESENT-42", Milestone.LINK_RESENT, Requests.ADA, facts));

        assertThat(SMTP.getReceivedMessages())
                .as("another request of support's is another message")
                .hasSize(2);
    }

    private static void twilioAccepts() {
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(created()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                {"sid": "SM0001", "account_sid": "%s", "status": "queued", "to": "+15550002222",
                 "from": "%s", "body": "...", "num_segments": "1", "direction": "outbound-api",
                 "api_version": "2010-04-01", "date_created": "Thu, 26 Nov 2026 10:00:00 +0000"}
                """.formatted(SID, SHOP_NUMBER));
    }

    private List<String> timeline(String orderId) {
        return jdbc.sql("SELECT type || ': ' || message FROM order_events WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query(String.class)
                .list();
    }
}
