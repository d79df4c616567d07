package dev.waitwell.activities.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #14: a number that said STOP, or that Twilio refused with error 21610, gets no SMS for any milestone; its
 * email still goes.
 */
class SmsOptOutDeliveryTest extends DatabaseTest {

    private static final String SID = "AC0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    static {
        SMTP.start();
        TWILIO.start();
    }

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("waitwell.mail.from", () -> "shop@waitwell.test");
        registry.add("waitwell.sms.twilio.account-sid", () -> SID);
        registry.add("waitwell.sms.twilio.auth-token", () -> "secret");
        registry.add("waitwell.sms.twilio.from", () -> "+15550001111");
        registry.add("waitwell.sms.twilio.endpoint", () -> "http://127.0.0.1:" + TWILIO.port());
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
    void aDelayNoticeToANumberThatSaidStopGoesByEmailOnly() {
        Customer customer = customerWithOwnNumber();
        jdbc.sql("INSERT INTO sms_opt_outs (phone, opted_out, source, keyword) VALUES (?, true, 'KEYWORD', 'STOP')")
                .param(customer.phone())
                .update();
        String orderId = fixture.preorder();

        List<Delivery> deliveries =
                notifications.notify(delayNotice(orderId, customer)).deliveries();

        assertThat(deliveries)
                .containsExactly(
                        new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com"),
                        new Delivery(Channel.SMS, DeliveryStatus.SKIPPED, "opted out"));
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(smsRow(orderId, "DELAY_NOTICE-1")).isEqualTo("SKIPPED|opted out");
    }

    @Test
    void aNumberThatSaidStartAgainGetsSmsAgain() {
        Customer customer = customerWithOwnNumber();
        jdbc.sql("INSERT INTO sms_opt_outs (phone, opted_out, source, keyword) VALUES (?, false, 'KEYWORD', 'START')")
                .param(customer.phone())
                .update();
        twilioAnswers(201, """
                {"sid": "SM0002", "account_sid": "%s", "status": "queued", "to": "%s", "from": "+15550001111",
                 "body": "...", "num_segments": "2", "direction": "outbound-api", "api_version": "2010-04-01",
                 "date_created": "Thu, 26 Nov 2026 10:00:00 +0000"}""".formatted(SID, customer.phone()));
        String orderId = fixture.preorder();

        Delivery sms = notifications
                .notify(delayNotice(orderId, customer))
                .deliveries()
                .get(1);

        assertThat(sms.status()).isEqualTo(DeliveryStatus.SENT);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void anSmsTwilioRefusesWithError21610RecordsTheOptOutAndTheNextMilestoneSkipsSms() {
        Customer customer = customerWithOwnNumber();
        twilioAnswers(400, """
                {"code": 21610, "message": "Attempt to send to unsubscribed recipient", "status": 400}""");
        String orderId = fixture.preorder();

        Delivery refused = notifications
                .notify(Requests.confirmed(orderId, customer))
                .deliveries()
                .get(1);
        Delivery next = notifications
                .notify(delayNotice(orderId, customer))
                .deliveries()
                .get(1);

        assertThat(refused.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(refused.detail()).contains("unsubscribed recipient");
        assertThat(jdbc.sql("SELECT opted_out || '|' || source FROM sms_opt_outs WHERE phone = ?")
                        .param(customer.phone())
                        .query(String.class)
                        .single())
                .isEqualTo("true|TWILIO_21610");
        assertThat(jdbc.sql("SELECT count(*) FROM sms_opt_out_changes WHERE phone = ?")
                        .param(customer.phone())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT type FROM order_events WHERE order_id = ? AND event_key LIKE 'sms-opt-out/%'")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("SMS_OPTED_OUT");
        assertThat(next).isEqualTo(new Delivery(Channel.SMS, DeliveryStatus.SKIPPED, "opted out"));
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void anotherRefusalLeavesTheNumberOptedIn() {
        Customer customer = customerWithOwnNumber();
        twilioAnswers(400, """
                {"code": 21211, "message": "Invalid 'To' Phone Number", "status": 400}""");
        String orderId = fixture.preorder();

        notifications.notify(Requests.confirmed(orderId, customer));

        assertThat(jdbc.sql("SELECT count(*) FROM sms_opt_outs WHERE phone = ?")
                        .param(customer.phone())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static NotificationRequest delayNotice(String orderId, Customer customer) {
        return new NotificationRequest(
                orderId,
                "DELAY_NOTICE-1",
                Milestone.DELAY_NOTICE,
                customer,
                Requests.facts(orderId, Milestone.DELAY_NOTICE));
    }

    /** Each test its own number: the opt-outs are by number, for every order. */
    private static Customer customerWithOwnNumber() {
        String phone = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        return new Customer("c-1", "Ada", "ada@example.com", phone, List.of(Channel.EMAIL, Channel.SMS));
    }

    private static void twilioAnswers(int status, String json) {
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json)));
    }

    private String smsRow(String orderId, String key) {
        return jdbc.sql("""
                SELECT status || '|' || coalesce(detail, '') FROM notifications
                 WHERE order_id = ? AND notification_key = ? AND channel = 'SMS'""").params(orderId, key).query(String.class).single();
    }
}
