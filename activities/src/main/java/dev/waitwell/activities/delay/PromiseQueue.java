package dev.waitwell.activities.delay;

import dev.waitwell.workflows.backorder.IncomingSupply;
import dev.waitwell.workflows.delay.PromiseReview;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a promise review reads (a product's open orders in queue order, its supply) and the changes it writes. */
@Component
class PromiseQueue {

    private final JdbcClient jdbc;

    PromiseQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Product(LocalDate releaseDate, boolean released, LocalDate restockEta) {}

    /**
     * An open order of the product (a shipped or cancelled one has no promise left to keep),
     * with the units ahead of it in the queue and its own (pre-orders: 0) and its promise now.
     */
    record Waiting(String orderId, LocalDate promisedDate, long unitsAhead, long unitsNeeded) {}

    record Change(String orderId, LocalDate previousDate, LocalDate newDate, Instant newReleaseAt) {}

    Optional<Product> product(String sku) {
        return jdbc.sql("SELECT release_date, released_at IS NOT NULL AS released, restock_eta FROM products "
                        + "WHERE sku = :sku")
                .param("sku", sku)
                .query((rs, n) -> new Product(
                        rs.getObject("release_date", LocalDate.class),
                        rs.getBoolean("released"),
                        rs.getObject("restock_eta", LocalDate.class)))
                .optional();
    }

    /** Pre-orders of the (unreleased) product: their promise is its release date. */
    List<Waiting> preordered(String sku) {
        return jdbc.sql("""
                        SELECT s.order_id, o.promised_date FROM order_stock s JOIN orders o ON o.order_id = s.order_id
                         WHERE s.sku = :sku AND s.state = 'PREORDERED' AND o.status NOT IN ('SHIPPED', 'CANCELLED')
                         ORDER BY o.placed_at, s.order_id""")
                .param("sku", sku)
                .query((rs, n) ->
                        new Waiting(rs.getString("order_id"), rs.getObject("promised_date", LocalDate.class), 0, 0))
                .list();
    }

    /**
     * The queue in allocation order (priority, placement, order id), each order with the units still needed
     * by the orders ahead of it, cancelled ones included until their units leave the queue.
     */
    List<Waiting> waiting(String sku) {
        return jdbc.sql("""
                        SELECT order_id, promised_date, status, need, through - need AS ahead FROM (
                            SELECT s.order_id, o.promised_date, o.status, s.quantity - s.allocated AS need,
                                   sum(s.quantity - s.allocated) OVER (ORDER BY o.priority DESC, o.placed_at, s.order_id
                                                                       ROWS UNBOUNDED PRECEDING) AS through
                              FROM order_stock s JOIN orders o ON o.order_id = s.order_id
                             WHERE s.sku = :sku AND s.state = 'WAITING') queue
                         WHERE status NOT IN ('SHIPPED', 'CANCELLED')
                         ORDER BY through""")
                .param("sku", sku)
                .query((rs, n) -> new Waiting(
                        rs.getString("order_id"),
                        rs.getObject("promised_date", LocalDate.class),
                        rs.getLong("ahead"),
                        rs.getLong("need")))
                .list();
    }

    /** Open purchase orders; an overdue one is still coming, so it counts as arriving today. */
    List<IncomingSupply> incoming(String sku, LocalDate today) {
        return jdbc.sql("""
                        SELECT id, greatest(expected_date, :today) AS expected, quantity - received AS open_quantity
                          FROM purchase_orders WHERE sku = :sku AND received < quantity""")
                .param("sku", sku)
                .param("today", today)
                .query((rs, n) -> new IncomingSupply(
                        rs.getString("id"), rs.getObject("expected", LocalDate.class), rs.getInt("open_quantity")))
                .list();
    }

    /** One statement for all of them: a review of 10,000 waiting orders is one round trip. */
    void insertChanges(PromiseReview review, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO promise_changes
                            (review_id, order_id, previous_date, new_date, new_release_at, reason)
                        SELECT :reviewId, c.order_id, c.previous_date, c.new_date, c.new_release_at, :reason
                          FROM unnest(:orders::text[], :previous::date[], :new::date[], :releaseAt::timestamptz[])
                               WITH ORDINALITY AS c(order_id, previous_date, new_date, new_release_at, position)
                         ORDER BY c.position
                        ON CONFLICT (review_id, order_id) DO NOTHING""")
                .param("reviewId", review.reviewId())
                .param("reason", review.reason())
                .param("orders", changes.stream().map(Change::orderId).toArray(String[]::new))
                .param(
                        "previous",
                        changes.stream().map(c -> text(c.previousDate())).toArray(String[]::new))
                .param("new", changes.stream().map(c -> text(c.newDate())).toArray(String[]::new))
                .param(
                        "releaseAt",
                        changes.stream().map(c -> text(c.newReleaseAt())).toArray(String[]::new))
                .update();
    }

    int changeCount(String reviewId) {
        return jdbc.sql("SELECT count(*)::integer FROM promise_changes WHERE review_id = :reviewId")
                .param("reviewId", reviewId)
                .query(Integer.class)
                .single();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
