package dev.waitwell.activities.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.activities.notification.ScriptedSmtpServer.CutOff;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import java.io.IOException;
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
 * Providers that fail: the SMTP port is fixed and nothing listens on it until a test starts a server there
 * (GreenMail, or a scripted one that cuts the connection); Twilio is WireMock answering as Twilio does.
 */
class DeliveryFailuresTest extends DatabaseTest {

    private static final String SID = "AC0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final int SMTP_PORT = SmtpPort.free();
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    static {
        TWILIO.start();
    }

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    private GreenMail greenMail;
    private ScriptedSmtpServer scripted;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> 5000);
        registry.add("spring.mail.properties[mail.smtp.timeout]", () -> 5000);
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
                        .withBody("{\"sid\": \"SM0002\", \"account_sid\": \"" + SID + "\", \"status\": \"queued\"}")));
    }

    @AfterEach
    void stopSmtp() throws IOException {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
        if (scripted != null) {
            scripted.close();
            scripted = null;
        }
    }

    @Test
    void smsGoesOutWhileSmtpIsDownAndTheRetrySendsOnlyTheEmail() {
        String orderId = fixture.preorder();
        NotificationRequest request = Requests.confirmed(orderId, Requests.ADA);

        assertThatThrownBy(() -> notifications.notify(request))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("SMTP error");

        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(rows(orderId)).containsExactly("SMS SENT");

        greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        List<Delivery> retried = notifications.notify(request).deliveries();

        assertThat(retried).extracting(Delivery::status).containsExactly(DeliveryStatus.SENT, DeliveryStatus.SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(rows(orderId)).containsExactly("EMAIL SENT", "SMS SENT");
    }

    @Test
    void bothChannelsFailingForNowAreNamedInOneFailureAndBothRetried() {
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service unavailable\", \"status\": 503}")));
        String orderId = fixture.preorder();

        assertThatThrownBy(() -> notifications.notify(Requests.confirmed(orderId, Requests.ADA)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("email: SMTP error")
                .hasMessageContaining("SMS: Twilio 503");
        assertThat(rows(orderId)).isEmpty();
    }

    @Test
    void emailCutOffAfterItsDataIsFailedAsUnknownAndNeverResent() {
        scripted = new ScriptedSmtpServer(SMTP_PORT, CutOff.BEFORE_ANSWERING_THE_DATA);
        String orderId = fixture.preorder();
        NotificationRequest request = Requests.confirmed(orderId, Requests.ADA);

        Delivery email = notifications.notify(request).deliveries().get(0);
        notifications.notify(request);

        assertThat(email.channel()).isEqualTo(Channel.EMAIL);
        assertThat(email.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(email.detail()).startsWith(NotificationActivitiesImpl.INTERRUPTED);
        assertThat(scripted.messages()).isEqualTo(1);
        assertThat(scripted.connections()).isEqualTo(1);
        assertThat(rows(orderId)).containsExactly("EMAIL FAILED", "SMS SENT");
    }

    @Test
    void emailTakenBeforeQuitFailsIsSentAndNeverResent() {
        scripted = new ScriptedSmtpServer(SMTP_PORT, CutOff.ON_QUIT);
        String orderId = fixture.preorder();
        NotificationRequest request = Requests.confirmed(orderId, Requests.ADA);

        Delivery email = notifications.notify(request).deliveries().get(0);
        notifications.notify(request);

        assertThat(email).isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com"));
        assertThat(scripted.connections()).isEqualTo(1);
        assertThat(rows(orderId)).containsExactly("EMAIL SENT", "SMS SENT");
    }

    private List<String> rows(String orderId) {
        return jdbc.sql("SELECT channel || ' ' || status FROM notifications WHERE order_id = ? ORDER BY channel")
                .param(orderId)
                .query(String.class)
                .list();
    }
}
