package dev.waitwell.activities.delay;

import dev.waitwell.activities.shared.WaitwellProperties;
import dev.waitwell.workflows.backorder.IncomingSupply;
import dev.waitwell.workflows.backorder.PromiseDates;
import dev.waitwell.workflows.delay.PendingPromiseChange;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseChangePage;
import dev.waitwell.workflows.delay.PromiseChangesTold;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.delay.PromiseReviewActivities;
import dev.waitwell.workflows.delay.PromiseReviewOutcome;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A review records what changed and nothing else: the order's workflow decides what a new date means
 * (a delay notice, good news) and writes the promise itself when it handles the signal.
 */
@Component("promiseReviewActivities")
class PromiseReviewActivitiesImpl implements PromiseReviewActivities {

    private static final Logger log = LoggerFactory.getLogger(PromiseReviewActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PromiseQueue queue;
    private final ZoneId shopZone;
    private final Duration buffer;

    PromiseReviewActivitiesImpl(
            JdbcClient jdbc, TransactionTemplate transactions, PromiseQueue queue, WaitwellProperties shop) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.queue = queue;
        this.shopZone = shop.zone();
        this.buffer = shop.policy().promiseBuffer();
    }

    @Override
    public PromiseReviewOutcome review(PromiseReview review) {
        return transactions.execute(tx -> {
            PromiseQueue.Product product = queue.product(review.sku())
                    .orElseThrow(() -> BusinessFailure.PRODUCT_NOT_FOUND.raise("no product " + review.sku()));
            if (!startReview(review)) {
                int recorded = queue.changeCount(review.reviewId());
                log.info(
                        "Promise review {} of {} ran before: {} orders changed",
                        review.reviewId(),
                        review.sku(),
                        recorded);
                return new PromiseReviewOutcome(review.reviewId(), review.sku(), recorded);
            }
            List<PromiseQueue.Change> changes = new ArrayList<>();
            LocalDate today = LocalDate.now(shopZone);
            if (!product.released()) {
                Instant releaseAt = product.releaseDate() == null
                        ? null
                        : product.releaseDate().atStartOfDay(shopZone).toInstant();
                for (PromiseQueue.Waiting order : queue.preordered(review.sku())) {
                    changeIfDifferent(changes, order, product.releaseDate(), releaseAt);
                }
            }
            List<IncomingSupply> supply = queue.incoming(review.sku(), today);
            LocalDate eta =
                    product.restockEta() == null || product.restockEta().isBefore(today) ? null : product.restockEta();
            for (PromiseQueue.Waiting order : queue.waiting(review.sku())) {
                LocalDate promise = PromiseDates.promise(order.unitsAhead(), order.unitsNeeded(), supply, eta, buffer)
                        .orElse(null);
                changeIfDifferent(changes, order, promise, null);
            }
            queue.insertChanges(review, changes);
            log.info(
                    "Promise review {} of {} ({}): {} orders have a new promise",
                    review.reviewId(),
                    review.sku(),
                    review.reason(),
                    changes.size());
            return new PromiseReviewOutcome(review.reviewId(), review.sku(), changes.size());
        });
    }

    @Override
    public List<PendingPromiseChange> changes(PromiseChangePage page) {
        return jdbc.sql("""
                        SELECT c.id, c.order_id, c.new_date, c.new_release_at, c.reason
                          FROM promise_changes c JOIN orders o ON o.order_id = c.order_id
                         WHERE c.review_id = :reviewId AND c.id > :after AND c.told_at IS NULL
                           AND o.status NOT IN ('SHIPPED', 'CANCELLED')
                         ORDER BY c.id
                         LIMIT :limit""")
                .param("reviewId", page.reviewId())
                .param("after", page.afterId())
                .param("limit", page.limit())
                .query((rs, n) -> new PendingPromiseChange(
                        rs.getLong("id"),
                        rs.getString("order_id"),
                        new PromiseChange(
                                "review/" + page.reviewId(),
                                rs.getObject("new_date", LocalDate.class),
                                rs.getObject("new_release_at", java.time.OffsetDateTime.class) == null
                                        ? null
                                        : rs.getObject("new_release_at", java.time.OffsetDateTime.class)
                                                .toInstant(),
                                rs.getString("reason"))))
                .list();
    }

    @Override
    public void changesTold(PromiseChangesTold told) {
        if (told.changeIds().isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE promise_changes SET told_at = now()
                         WHERE review_id = :reviewId AND id IN (:ids) AND told_at IS NULL""")
                .param("reviewId", told.reviewId())
                .param("ids", told.changeIds())
                .update();
    }

    /** @return false when the review ran before (its changes are recorded already) */
    private boolean startReview(PromiseReview review) {
        return jdbc.sql("""
                        INSERT INTO promise_reviews (review_id, sku, reason) VALUES (:reviewId, :sku, :reason)
                        ON CONFLICT (review_id) DO NOTHING""")
                        .param("reviewId", review.reviewId())
                        .param("sku", review.sku())
                        .param("reason", review.reason())
                        .update()
                == 1;
    }

    private static void changeIfDifferent(
            List<PromiseQueue.Change> changes, PromiseQueue.Waiting order, LocalDate promise, Instant releaseAt) {
        if (!Objects.equals(order.promisedDate(), promise)) {
            changes.add(new PromiseQueue.Change(order.orderId(), order.promisedDate(), promise, releaseAt));
        }
    }
}
