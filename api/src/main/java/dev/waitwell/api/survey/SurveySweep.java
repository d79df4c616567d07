package dev.waitwell.api.survey;

import dev.waitwell.api.order.CustomerLinks;
import dev.waitwell.api.order.Orders;
import dev.waitwell.api.order.StoredOrder;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.shared.StartOnce;
import dev.waitwell.workflows.survey.SurveyRequest;
import dev.waitwell.workflows.survey.SurveyWorkflow;
import dev.waitwell.workflows.survey.SurveyWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the orders whose survey is due and starts a {@link SurveyWorkflow} for each: shipped at least
 * {@code delay} ago (their first {@code STATUS_SHIPPED} event: the moment the workflow recorded the shipment;
 * {@code orders.updated_at} moves with later refunds and notes), and within {@code lookback}, still SHIPPED, never
 * cancelled, with a channel the customer chose and we have an address for, without a survey yet. Idempotent: the workflow id is {@code survey-{orderId}} and the workflow opens the
 * survey before it sends, so a second instance or a second pass starts nothing more.
 */
@Component
public class SurveySweep {

    private static final Logger log = LoggerFactory.getLogger(SurveySweep.class);
    private static final Duration START_WAIT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Orders orders;
    private final CustomerLinks links;
    private final WorkflowClient client;
    private final SurveySweepSettings settings;

    SurveySweep(
            JdbcClient jdbc, Orders orders, CustomerLinks links, WorkflowClient client, SurveySweepSettings settings) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.links = links;
        this.client = client;
        this.settings = settings;
    }

    /** @return how many surveys it started */
    public int run() {
        Instant now = settings.clock().instant();
        SurveyProperties policy = settings.properties();
        List<String> due = jdbc.sql("""
                        SELECT e.order_id FROM order_events e JOIN orders o ON o.order_id = e.order_id
                         WHERE e.type = 'STATUS_SHIPPED' AND e.at > :since AND o.status = 'SHIPPED'
                           -- a customer we cannot reach gets no survey row: it would count as sent, unanswered
                           AND (('EMAIL' = ANY (o.customer_channels) AND coalesce(o.customer_email, '') <> '')
                                OR ('SMS' = ANY (o.customer_channels) AND coalesce(o.customer_phone, '') <> ''
                                    AND NOT EXISTS (SELECT 1 FROM sms_opt_outs x
                                                     WHERE x.phone = o.customer_phone AND x.opted_out)))
                           AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.order_id = e.order_id)
                           AND NOT EXISTS (SELECT 1 FROM order_events c
                                            WHERE c.order_id = e.order_id AND c.type = 'STATUS_CANCELLED')
                         GROUP BY e.order_id
                        HAVING min(e.at) <= :due
                         ORDER BY min(e.at), e.order_id
                         LIMIT :batch""")
                .param("since", Timestamp.from(now.minus(policy.lookback())))
                .param("due", Timestamp.from(now.minus(policy.delay())))
                .param("batch", policy.batch())
                .query(String.class)
                .list();
        int started = 0;
        for (String orderId : due) {
            if (orders.find(orderId).map(order -> start(order, now)).orElse(false)) {
                started++;
            }
        }
        return started;
    }

    /** For the scheduler: the database or Temporal being away is logged, and the next sweep tries again. */
    void runQuietly() {
        try {
            int started = run();
            if (started > 0) {
                log.info("Surveys started for {} shipped orders", started);
            }
        } catch (RuntimeException away) {
            log.warn("The survey sweep could not run: {}", away.toString());
        }
    }

    private boolean start(StoredOrder order, Instant now) {
        SurveyWorkflow workflow = client.newWorkflowStub(
                SurveyWorkflow.class,
                StartOnce.options(SurveyWorkflowIds.of(order.orderId())).build());
        SurveyRequest request = new SurveyRequest(order.orderId(), order.customer(), facts(order, now));
        try {
            WorkflowCalls.bounded(() -> WorkflowClient.start(workflow::ask, request), START_WAIT);
            return true;
        } catch (WorkflowExecutionAlreadyStarted done) {
            // A run closed without opening the survey (it failed for an hour): one survey per order, never two.
            log.warn("Order {}: its survey ran before without opening; not asking again", order.orderId());
            return false;
        } catch (TimeoutException slow) {
            throw new IllegalStateException("Temporal did not take the survey of " + order.orderId(), slow);
        }
    }

    private MessageFacts facts(StoredOrder order, Instant now) {
        Instant least = now.plus(settings.properties().linkValidity());
        Instant expiry = order.linkExpiresAt().isAfter(least) ? order.linkExpiresAt() : least;
        String url = links.urlFor(order.orderId(), expiry);
        return new MessageFacts(
                order.productName(), order.sku(), order.quantity(), null, null, null, null, url, null, null, null);
    }
}
