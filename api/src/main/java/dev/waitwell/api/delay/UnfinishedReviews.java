package dev.waitwell.api.delay;

import dev.waitwell.api.recovery.RecoverySweep;
import dev.waitwell.api.recovery.WorkflowRuns;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.delay.PromiseReviewWorkflow;
import dev.waitwell.workflows.delay.PromiseReviewWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A promise review records one change per order whose promise moved, then tells each order and records it as told.
 * When Temporal lost the review part-way, or an order's workflow was gone when it was told (a rebuilt order does
 * not read pending changes), an open order never hears of its new promise, and a repeated request finds the review
 * "ran already": this sweep finds reviews with changes of open, started orders not yet told whose
 * {@code promise-review-{reviewId}} workflow is not running, and starts the review again, which tells only those
 * (the review itself is recorded once; an order counts a change id once).
 */
@Component
class UnfinishedReviews implements RecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedReviews.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final WorkflowRuns runs;

    UnfinishedReviews(JdbcClient jdbc, WorkflowRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    @Override
    public String subject() {
        return "promise reviews Temporal lost part-way";
    }

    @Override
    public int recover(Instant before) {
        List<PromiseReview> reviews = jdbc.sql("""
                SELECT r.review_id, r.sku, r.reason FROM promise_reviews r
                 WHERE r.created_at < ? AND r.review_id IN (
                       SELECT c.review_id FROM promise_changes c JOIN orders o ON o.order_id = c.order_id
                        WHERE c.told_at IS NULL AND o.status NOT IN ('SHIPPED', 'CANCELLED')
                          AND o.workflow_started_at IS NOT NULL)
                 ORDER BY r.created_at, r.review_id LIMIT ?""")
                .params(Timestamp.from(before), BATCH)
                .query((rs, row) ->
                        new PromiseReview(rs.getString("review_id"), rs.getString("sku"), rs.getString("reason")))
                .list();
        int started = 0;
        for (PromiseReview review : reviews) {
            String workflowId = PromiseReviewWorkflowIds.of(review.reviewId());
            if (runs.startAgainUnlessRunning(
                    workflowId,
                    PromiseReviewWorkflow.class,
                    workflow -> WorkflowClient.start(workflow::review, review))) {
                log.info("Promise review {} of {} started again for the orders not yet told", workflowId, review.sku());
                started++;
            }
        }
        return started;
    }
}
