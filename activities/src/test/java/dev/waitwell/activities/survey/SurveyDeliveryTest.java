package dev.waitwell.activities.survey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.activities.notification.MailParts;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.shared.StartOnce;
import dev.waitwell.workflows.survey.SurveyActivities;
import dev.waitwell.workflows.survey.SurveyRequest;
import dev.waitwell.workflows.survey.SurveyWorkflow;
import dev.waitwell.workflows.survey.SurveyWorkflowIds;
import dev.waitwell.workflows.survey.SurveyWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The survey workflow on the Temporal test server over the worker's real activities: PostgreSQL, email through
 * GreenMail, SMS through WireMock answering as Twilio's API does.
 */
class SurveyDeliveryTest extends DatabaseTest {

    private static final String SID = "AC0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String LINK = "https://shop.example/c/orders/o-1?token=1.abc";

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    static {
        SMTP.start();
        TWILIO.start();
    }

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    @Autowired
    @Qualifier("surveyActivities") SurveyActivities surveys;

    private TestWorkflowEnvironment temporal;

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
    void startTemporal() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"sid": "SM0001", "account_sid": "%s", "status": "queued", "to": "+15550002222",
                                 "from": "+15550001111", "body": "...", "num_segments": "1",
                                 "direction": "outbound-api"}""".formatted(SID))));
        temporal = TestWorkflowEnvironment.newInstance();
        Worker worker = temporal.newWorker("surveys");
        worker.registerWorkflowImplementationTypes(SurveyWorkflowImpl.class);
        worker.registerActivitiesImplementations(notifications, surveys);
        temporal.start();
    }

    @AfterEach
    void stopTemporal() {
        temporal.close();
    }

    @Test
    void theSurveyIsOpenedThenSentOncePerChannelEvenWhenAskedTwice() throws Exception {
        String orderId = fixture.inStockOrder(fixture.stockedProduct(5), 1);

        ask(orderId, customer("+15550002222"));
        ask(orderId, customer("+15550002222")); // a second run (another id) finds the messages sent

        assertThat(sentAt(orderId)).hasSize(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Order " + orderId + ": how was your wait?");
        assertThat(MailParts.text(SMTP.getReceivedMessages()[0])).contains(LINK);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing("Reply+1-5")));
        assertThat(statuses(orderId)).containsExactly("EMAIL SENT", "SMS SENT");
    }

    @Test
    void anOptedOutNumberGetsNoSurveySmsWhileTheEmailGoes() throws Exception {
        String orderId = fixture.inStockOrder(fixture.stockedProduct(5), 1);
        String phone = "+1555" + (1000000 + Math.abs(UUID.randomUUID().hashCode() % 8999999));
        jdbc.sql("INSERT INTO sms_opt_outs (phone, opted_out, source, keyword) VALUES (?, true, 'KEYWORD', 'STOP')")
                .param(phone)
                .update();

        NotificationResult result = ask(orderId, customer(phone));

        assertThat(result.deliveries())
                .extracting(Delivery::channel, Delivery::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, DeliveryStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple(Channel.SMS, DeliveryStatus.SKIPPED));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(sentAt(orderId)).hasSize(1);
    }

    private NotificationResult ask(String orderId, Customer customer) {
        SurveyWorkflow workflow = temporal.getWorkflowClient()
                .newWorkflowStub(
                        SurveyWorkflow.class,
                        StartOnce.options(SurveyWorkflowIds.of(orderId) + "-" + UUID.randomUUID())
                                .setTaskQueue("surveys")
                                .build());
        MessageFacts facts = new MessageFacts("Camera X", "CAM-X", 1, null, null, null, null, LINK, null, null, null);
        return workflow.ask(new SurveyRequest(orderId, customer, facts));
    }

    private static Customer customer(String phone) {
        return new Customer("c-1", "Ada", "ada@example.com", phone, List.of(Channel.EMAIL, Channel.SMS));
    }

    private List<Instant> sentAt(String orderId) {
        return jdbc.sql("SELECT sent_at FROM surveys WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    private List<String> statuses(String orderId) {
        return jdbc.sql("SELECT channel || ' ' || status FROM notifications WHERE order_id = ? AND template = 'SURVEY' "
                        + "ORDER BY channel")
                .param(orderId)
                .query(String.class)
                .list();
    }
}
