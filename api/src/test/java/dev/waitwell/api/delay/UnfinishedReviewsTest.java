package dev.waitwell.api.delay;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.OrderListeners;
import dev.waitwell.api.OrderListeners.ListeningOrder;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.checkout.StrandedCheckouts;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.delay.PromiseReviewWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A promise review Temporal lost part-way is finished by the sweep: each open order told once, none twice; an order
 * whose workflow was gone is told once it runs again.
 */
@ApiTest
class UnfinishedReviewsTest {

    /** The rows of this test are backdated past it; rows of other tests are newer and left alone. */
    private static final Instant LOST_AT = Instant.now().minus(2, ChronoUnit.HOURS);

    private static final Instant BEFORE = LOST_AT.plus(1, ChronoUnit.HOURS);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkflowClient client;

    @Autowired
    UnfinishedReviews sweep;

    @Autowired
    PromiseReviews reviews;

    @Autowired
    TestTemporal.Activities activities;

    @Test
    void tellsOnlyTheOrdersTheTerminatedReviewHadNotToldAndTheGoneOneOnceItRuns() throws Exception {
        String sku = unique("REV");
        mvc.perform(putProduct(sku, product(8_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        String reviewId = unique("review");
        jdbc.sql("INSERT INTO promise_reviews (review_id, sku, reason, created_at) VALUES (?, ?, 'a test', ?)")
                .params(reviewId, sku, Timestamp.from(LOST_AT))
                .update();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String orderId = unique("rev-" + i);
            StrandedCheckouts.place(context, orderId, sku);
            jdbc.sql("UPDATE orders SET workflow_started_at = placed_at WHERE order_id = ?")
                    .param(orderId)
                    .update();
            jdbc.sql("""
                    INSERT INTO promise_changes (review_id, order_id, new_date, reason)
                    VALUES (?, ?, ?, 'the supplier moved')""").params(reviewId, orderId, inDays(60)).update();
            orders.add(orderId);
        }
        jdbc.sql("UPDATE promise_changes SET told_at = now() WHERE order_id = ?")
                .param(orders.get(0))
                .update();
        String workflowId = PromiseReviewWorkflowIds.of(reviewId);
        OrderListeners.terminatedRunOf(client, workflowId);
        List<ListeningOrder> listeners = new ArrayList<>();
        // orders.get(3) has no workflow yet: gone, until the worker rebuilds it.
        for (String orderId : orders.subList(0, 3)) {
            listeners.add(OrderListeners.start(client, orderId));
        }
        String change = "promise:review/" + reviewId;

        assertThat(sweep.recover(BEFORE)).isEqualTo(1);
        OrderListeners.awaitCompleted(client, workflowId);

        assertThat(listeners.get(0).heard()).as("told before the loss").isEmpty();
        assertThat(listeners.get(1).heard()).containsExactly(change);
        assertThat(listeners.get(2).heard()).containsExactly(change);
        assertThat(untold(reviewId)).as("the gone order's change waits for it").containsExactly(orders.get(3));

        ListeningOrder rebuilt = OrderListeners.start(client, orders.get(3));
        assertThat(sweep.recover(BEFORE)).isEqualTo(1);
        OrderListeners.awaitCompleted(client, workflowId);

        assertThat(rebuilt.heard()).containsExactly(change);
        assertThat(listeners.get(1).heard()).containsExactly(change);
        assertThat(untold(reviewId)).isEmpty();
        assertThat(sweep.recover(BEFORE)).as("finished: nothing to start").isZero();
        OrderListeners.stop(client, orders.toArray(String[]::new));
    }

    @Test
    void aRepeatedRequestRunsAgainAReviewTerminatedBeforeItRecordedAnything() throws Exception {
        String sku = unique("REV");
        mvc.perform(putProduct(sku, product(8_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        String reviewId = unique("review");
        String workflowId = PromiseReviewWorkflowIds.of(reviewId);
        OrderListeners.terminatedRunOf(client, workflowId);

        reviews.startAfterCommit(reviewId, sku, "a test");
        OrderListeners.awaitCompleted(client, workflowId);

        assertThat(activities.reviews.reviews())
                .extracting(PromiseReview::reviewId)
                .contains(reviewId);
        assertThat(jdbc.sql("SELECT count(*) FROM promise_reviews WHERE review_id = ?")
                        .param(reviewId)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private List<String> untold(String reviewId) {
        return jdbc.sql("SELECT order_id FROM promise_changes WHERE review_id = ? AND told_at IS NULL")
                .param(reviewId)
                .query(String.class)
                .list();
    }
}
