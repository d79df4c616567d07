package dev.waitwell.api;

import dev.waitwell.workflows.backorder.IncomingSupply;
import dev.waitwell.workflows.backorder.PromiseDates;
import dev.waitwell.workflows.delay.PendingPromiseChange;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseChangePage;
import dev.waitwell.workflows.delay.PromiseChangesTold;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.delay.PromiseReviewActivities;
import dev.waitwell.workflows.delay.PromiseReviewOutcome;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stands in for the worker's promise review in the API tests, in the test database: pre-orders of an unreleased
 * product are promised its release date, waiting orders (in queue order) the date of the purchase order or
 * restock ETA that covers them plus two days; every order whose promise differs gets a {@code promise_changes}
 * row. Keeps the reviews it was asked for, so that tests can say which cause started one.
 */
public class PromiseReviewActivitiesFake implements PromiseReviewActivities {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<PromiseReview> reviews = new CopyOnWriteArrayList<>();

    PromiseReviewActivitiesFake(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Every review asked for, retries included, oldest first. */
    public List<PromiseReview> reviews() {
        return List.copyOf(reviews);
    }

    @Override
    public PromiseReviewOutcome review(PromiseReview review) {
        reviews.add(review);
        return transaction.execute(status -> {
            int inserted = jdbc.sql("""
                    INSERT INTO promise_reviews (review_id, sku, reason) VALUES (?, ?, ?)
                    ON CONFLICT (review_id) DO NOTHING""")
                    .params(review.reviewId(), review.sku(), review.reason())
                    .update();
            if (inserted == 1) {
                preorders(review);
                queue(review);
            }
            int changed = jdbc.sql("SELECT count(*) FROM promise_changes WHERE review_id = ?")
                    .param(review.reviewId())
                    .query(Integer.class)
                    .single();
            return new PromiseReviewOutcome(review.reviewId(), review.sku(), changed);
        });
    }

    private void preorders(PromiseReview review) {
        jdbc.sql("""
                INSERT INTO promise_changes (review_id, order_id, previous_date, new_date, new_release_at, reason)
                SELECT :review, o.order_id, o.promised_date, p.release_date,
                       (p.release_date::timestamp AT TIME ZONE :zone), :reason
                  FROM order_stock s JOIN orders o ON o.order_id = s.order_id JOIN products p ON p.sku = s.sku
                 WHERE s.sku = :sku AND s.state = 'PREORDERED' AND p.released_at IS NULL
                   AND o.promised_date IS DISTINCT FROM p.release_date
                 ORDER BY o.placed_at, o.order_id""")
                .param("review", review.reviewId())
                .param("zone", ZONE.getId())
                .param("reason", review.reason())
                .param("sku", review.sku())
                .update();
    }

    private void queue(PromiseReview review) {
        List<IncomingSupply> supply = jdbc.sql("""
                SELECT id, expected_date, quantity - received FROM purchase_orders WHERE sku = ? AND received < quantity""")
                .param(review.sku())
                .query((rs, row) -> new IncomingSupply(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3)))
                .list();
        LocalDate eta = jdbc.sql("SELECT restock_eta FROM products WHERE sku = ?")
                .param(review.sku())
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single()
                .orElse(null);
        List<Object[]> waiting = jdbc.sql("""
                SELECT o.order_id, s.quantity - s.allocated, o.promised_date
                  FROM order_stock s JOIN orders o ON o.order_id = s.order_id
                 WHERE s.sku = ? AND s.state = 'WAITING' ORDER BY o.priority DESC, o.placed_at, o.order_id""")
                .param(review.sku())
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class)})
                .list();
        long ahead = 0;
        for (Object[] order : waiting) {
            int need = (int) order[1];
            LocalDate promise = PromiseDates.promise(ahead, need, supply, eta, Duration.ofDays(2))
                    .orElse(null);
            ahead += need;
            if (!java.util.Objects.equals(promise, order[2])) {
                jdbc.sql("""
                        INSERT INTO promise_changes (review_id, order_id, previous_date, new_date, reason)
                        VALUES (?, ?, ?, ?, ?)""")
                        .param(1, review.reviewId())
                        .param(2, order[0])
                        .param(3, order[2], java.sql.Types.DATE)
                        .param(4, promise, java.sql.Types.DATE)
                        .param(5, review.reason())
                        .update();
            }
        }
    }

    @Override
    public void changesTold(PromiseChangesTold told) {
        for (long changeId : told.changeIds()) {
            jdbc.sql("UPDATE promise_changes SET told_at = now() WHERE review_id = ? AND id = ? AND told_at IS NULL")
                    .params(told.reviewId(), changeId)
                    .update();
        }
    }

    @Override
    public List<PendingPromiseChange> changes(PromiseChangePage page) {
        return jdbc.sql("""
                SELECT c.id, c.order_id, c.new_date, c.new_release_at, c.reason
                  FROM promise_changes c JOIN orders o ON o.order_id = c.order_id
                 WHERE c.review_id = ? AND c.id > ? AND c.told_at IS NULL
                   AND o.status NOT IN ('SHIPPED', 'CANCELLED')
                 ORDER BY c.id LIMIT ?""")
                .params(page.reviewId(), page.afterId(), page.limit())
                .query((rs, row) -> {
                    Timestamp releaseAt = rs.getTimestamp("new_release_at");
                    return new PendingPromiseChange(
                            rs.getLong("id"),
                            rs.getString("order_id"),
                            new PromiseChange(
                                    "review/" + page.reviewId(),
                                    rs.getObject("new_date", LocalDate.class),
                                    releaseAt == null ? null : releaseAt.toInstant(),
                                    rs.getString("reason")));
                })
                .list();
    }
}
