package dev.waitwell.api.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.survey.SurveyWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey sweep over the test database and the Temporal test server running the real survey workflow (the
 * notification activity is a mock that records what it was asked to send; the survey activity opens surveys in the
 * database, as the worker's does). The delay is the default, a week; the look-back 30 days.
 */
@ApiTest
class SurveySweepTest {

    @Autowired
    SurveySweep sweep;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient client;

    @Autowired
    TestTemporal.Activities activities;

    private ShippedOrders orders;

    @BeforeEach
    void setUp() {
        activities.reset();
        orders = ShippedOrders.of(jdbc);
    }

    @Test
    void sendsOneSurveyPerOrderShippedAWeekAgoAndNeverTwice() {
        String due = orders.shipped(Duration.ofDays(8));
        String alsoDue = orders.shipped(Duration.ofDays(7).plusMinutes(1));

        sweep.run();
        finished(due);
        finished(alsoDue);
        sweep.run();
        sweep.run();

        assertThat(surveysOf(due, alsoDue)).containsExactlyInAnyOrder(due, alsoDue);
        List<NotificationRequest> sent = surveysSent();
        assertThat(sent).filteredOn(request -> request.orderId().equals(due)).hasSize(1);
        assertThat(sent)
                .filteredOn(request -> request.orderId().equals(alsoDue))
                .hasSize(1);
        NotificationRequest survey = sent.stream()
                .filter(request -> request.orderId().equals(due))
                .findFirst()
                .orElseThrow();
        assertThat(survey.key()).isEqualTo("SURVEY");
        assertThat(survey.customer().channels()).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(survey.facts().customerUrl()).contains("/c/orders/" + due + "?token=");
        assertThat(survey.facts().sku()).isEqualTo(orders.sku());
    }

    @Test
    void asksNobodyBeforeTheDelayNorLongAfterNorAfterACancellationNorWithoutAnAddress() {
        String tooSoon = orders.shipped(Duration.ofDays(6).plusHours(23));
        String tooOld = orders.shipped(Duration.ofDays(31));
        String cancelled = orders.order("BACKORDER", "CANCELLED", Duration.ofDays(20), ShippedOrders.PHONE);
        orders.event(cancelled, "STATUS_CANCELLED", Instant.now().minus(Duration.ofDays(10)));
        // The status moved back and forth (a shipment recorded, then cancelled): no survey either.
        String shippedThenCancelled = orders.shipped(Duration.ofDays(9));
        orders.event(shippedThenCancelled, "STATUS_CANCELLED", Instant.now().minus(Duration.ofDays(8)));
        String readyOnly = orders.order("IN_STOCK", "READY_TO_SHIP", Duration.ofDays(20), ShippedOrders.PHONE);
        String unreachable = orders.shipped(Duration.ofDays(8));
        jdbc.sql("UPDATE orders SET customer_channels = '{SMS}', customer_phone = NULL WHERE order_id = ?")
                .param(unreachable)
                .update();
        // Texts only, and the number said STOP: nobody to ask.
        String optedOutPhone = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        jdbc.sql("INSERT INTO sms_opt_outs (phone, opted_out, source, keyword) VALUES (?, true, 'KEYWORD', 'STOP')")
                .param(optedOutPhone)
                .update();
        String textsOnlyOptedOut = orders.shipped(Duration.ofDays(8));
        jdbc.sql("UPDATE orders SET customer_channels = '{SMS}', customer_phone = ? WHERE order_id = ?")
                .params(optedOutPhone, textsOnlyOptedOut)
                .update();

        sweep.run();

        // Nothing was started for them (a started workflow would open the survey a moment later).
        for (String orderId :
                List.of(tooSoon, tooOld, cancelled, shippedThenCancelled, readyOnly, unreachable, textsOnlyOptedOut)) {
            assertThatThrownBy(() -> client.newUntypedWorkflowStub(SurveyWorkflowIds.of(orderId))
                            .describe())
                    .as("a survey workflow for %s", orderId)
                    .isInstanceOf(RuntimeException.class);
        }
        assertThat(surveysOf(
                        tooSoon, tooOld, cancelled, shippedThenCancelled, readyOnly, unreachable, textsOnlyOptedOut))
                .isEmpty();
        assertThat(surveysSent())
                .extracting(NotificationRequest::orderId)
                .doesNotContain(
                        tooSoon, tooOld, cancelled, shippedThenCancelled, readyOnly, unreachable, textsOnlyOptedOut);
    }

    @Test
    void anOptedOutNumberIsNotTextedButTheEmailStillGoes() {
        String phone = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        jdbc.sql("INSERT INTO sms_opt_outs (phone, opted_out, source, keyword) VALUES (?, true, 'KEYWORD', 'STOP')")
                .param(phone)
                .update();
        String orderId = orders.order("IN_STOCK", "SHIPPED", Duration.ofDays(10), phone);
        orders.event(orderId, "STATUS_SHIPPED", Instant.now().minus(Duration.ofDays(8)));

        sweep.run();
        finished(orderId);

        NotificationRequest survey = surveysSent().stream()
                .filter(request -> request.orderId().equals(orderId))
                .findFirst()
                .orElseThrow();
        assertThat(survey.customer().channels()).containsExactly(Channel.EMAIL);
        assertThat(survey.customer().email()).isEqualTo("ada@example.com");
        assertThat(surveysOf(orderId)).containsExactly(orderId);
    }

    private void finished(String orderId) {
        client.newUntypedWorkflowStub(SurveyWorkflowIds.of(orderId)).getResult(NotificationResult.class);
    }

    private List<String> surveysOf(String... orderIds) {
        return jdbc.sql("SELECT order_id FROM surveys WHERE order_id = ANY(?)")
                .param(orderIds)
                .query(String.class)
                .list();
    }

    private List<NotificationRequest> surveysSent() {
        ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
        try {
            verify(activities.notifications, atLeast(0)).notify(sent.capture());
        } catch (AssertionError none) {
            return List.of();
        }
        return sent.getAllValues().stream()
                .filter(request -> request.milestone() == Milestone.SURVEY)
                .toList();
    }
}
