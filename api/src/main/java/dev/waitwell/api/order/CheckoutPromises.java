package dev.waitwell.api.order;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The promise an order had at checkout. {@code orders.promised_date} is the promise now: the order's workflow
 * moves it (with a {@code PROMISE} timeline entry) when a promise review changes it or a promised date passes.
 * The first such entry says what it moved from: a review's {@code promise_changes} row holds the date before it,
 * and a passed date is named in the key ({@code promise/expired-<date>}).
 */
@Component
class CheckoutPromises {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPromises.class);
    private static final String EXPIRED = "promise/expired-";

    private final JdbcClient jdbc;
    private final Orders orders;

    CheckoutPromises(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    /** The order as checkout placed it: its promise (and a pre-order's release) before any move. */
    StoredOrder asPlaced(StoredOrder order) {
        return firstMove(order.orderId())
                .map(move -> order.promisedAtCheckout(
                        move.from(),
                        "PREORDER".equals(order.kind())
                                ? orders.latestAcceptableForPreorder(move.from())
                                : order.latestAcceptableDate()))
                .orElse(order);
    }

    /** What the promise was before its first move; empty when it never moved. */
    private Optional<Move> firstMove(String orderId) {
        Optional<FirstEntry> first = jdbc.sql("""
                SELECT e.event_key, c.id IS NOT NULL AS from_review, c.previous_date
                  FROM order_events e
                  LEFT JOIN promise_changes c
                         ON c.order_id = e.order_id AND e.event_key = 'promise/review/' || c.review_id
                 WHERE e.order_id = ? AND e.type = 'PROMISE'
                 ORDER BY e.id LIMIT 1""")
                .param(orderId)
                .query((rs, row) -> new FirstEntry(
                        rs.getString("event_key"),
                        rs.getBoolean("from_review"),
                        rs.getObject("previous_date", LocalDate.class)))
                .optional();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        FirstEntry entry = first.get();
        if (entry.fromReview()) {
            return Optional.of(new Move(entry.reviewedFrom()));
        }
        if (entry.key().startsWith(EXPIRED)) {
            try {
                return Optional.of(new Move(LocalDate.parse(entry.key().substring(EXPIRED.length()))));
            } catch (DateTimeParseException unknownKey) {
                log.debug("Order {}: promise key {} names no date", orderId, entry.key());
            }
        }
        return earliestReview(orderId, entry.key());
    }

    /** A key of another form: the earliest review of the order still names the promise before it. */
    private Optional<Move> earliestReview(String orderId, String key) {
        Optional<Move> reviewed = jdbc.sql(
                        "SELECT previous_date FROM promise_changes WHERE order_id = ? ORDER BY id LIMIT 1")
                .param(orderId)
                .query((rs, row) -> new Move(rs.getObject("previous_date", LocalDate.class)))
                .optional();
        if (reviewed.isEmpty()) {
            log.warn(
                    "Order {}: its promise moved ({}) but nothing records from what; its checkout input keeps the "
                            + "promise it has now",
                    orderId,
                    key);
        }
        return reviewed;
    }

    private record FirstEntry(String key, boolean fromReview, LocalDate reviewedFrom) {}

    /** @param from the promise before the move; null when it was unknown */
    private record Move(LocalDate from) {}
}
