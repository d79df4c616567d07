package dev.waitwell.activities.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code message_outbox} table: the messages orders asked for, one row per order and key. */
@Component
class OutboxRows {

    /** A row a sender claimed: its {@code attempts} include this one. */
    record Claimed(long id, String orderId, String key, String milestone, String request, int attempts) {}

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when the message is new, false when the order queued this key before (a retry) */
    boolean queue(String orderId, String key, String milestone, String request) {
        return jdbc.sql("""
                        INSERT INTO message_outbox (order_id, message_key, milestone, request)
                        VALUES (:orderId, :key, :milestone, CAST(:request AS jsonb))
                        ON CONFLICT (order_id, message_key) DO NOTHING""")
                        .param("orderId", orderId)
                        .param("key", key)
                        .param("milestone", milestone)
                        .param("request", request)
                        .update()
                == 1;
    }

    /**
     * Up to {@code limit} due messages, oldest first, held for {@code hold}: none of an order whose earlier message is
     * not settled yet (an order's messages go out in the order it asked for them), none another sender holds.
     */
    List<Claimed> claim(int limit, Duration hold) {
        return jdbc
                .sql("""
                        UPDATE message_outbox m
                           SET claimed_until = now() + :holdSeconds * interval '1 second', attempts = m.attempts + 1
                         WHERE m.id IN (
                               SELECT o.id FROM message_outbox o
                                WHERE o.outcome IS NULL AND o.next_attempt_at <= now()
                                  AND (o.claimed_until IS NULL OR o.claimed_until < now())
                                  AND NOT EXISTS (SELECT 1 FROM message_outbox e
                                                   WHERE e.order_id = o.order_id AND e.outcome IS NULL AND e.id < o.id)
                                ORDER BY o.next_attempt_at, o.id
                                LIMIT :limit
                                FOR UPDATE SKIP LOCKED)
                        RETURNING m.id, m.order_id, m.message_key, m.milestone, m.request::text AS request, m.attempts""")
                .param("holdSeconds", hold.toSeconds())
                .param("limit", limit)
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("order_id"),
                        rs.getString("message_key"),
                        rs.getString("milestone"),
                        rs.getString("request"),
                        rs.getInt("attempts")))
                .list()
                .stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();
    }

    /** Every channel settled (sent, skipped or refused: the notifications table says which). */
    void settled(Claimed claim) {
        settle(claim, "SETTLED", null);
    }

    /** Still failing after the last attempt. */
    void gaveUp(Claimed claim, String error) {
        settle(claim, "GAVE_UP", error);
    }

    /** A claimed message this sender will not work on after all (it is stopping): the next one may at once. */
    void unclaim(Claimed claim) {
        jdbc.sql("""
                        UPDATE message_outbox SET claimed_until = NULL, attempts = attempts - 1
                         WHERE id = :id AND attempts = :attempts AND outcome IS NULL""")
                .param("id", claim.id())
                .param("attempts", claim.attempts())
                .update();
    }

    /** Failed for now: tried again after {@code delay}. */
    void retryAfter(Claimed claim, Duration delay, String error) {
        jdbc.sql("""
                        UPDATE message_outbox
                           SET next_attempt_at = now() + :delayMillis * interval '1 millisecond', claimed_until = NULL,
                               last_error = left(:error, 2000)
                         WHERE id = :id AND attempts = :attempts AND outcome IS NULL""")
                .param("id", claim.id())
                .param("attempts", claim.attempts())
                .param("delayMillis", delay.toMillis())
                .param("error", error)
                .update();
    }

    /**
     * Only by the attempt that holds the claim (a later claim counted another attempt), and without the customer's
     * signed link: it was needed to send the message, and does not belong in the database once it is (the
     * notifications table keeps what each message said without it).
     */
    private void settle(Claimed claim, String outcome, String error) {
        jdbc.sql("""
                        UPDATE message_outbox
                           SET outcome = :outcome, settled_at = now(), claimed_until = NULL,
                               last_error = COALESCE(left(:error, 2000), last_error),
                               request = jsonb_set(request, '{facts,customerUrl}', 'null'::jsonb, false)
                         WHERE id = :id AND attempts = :attempts AND outcome IS NULL""")
                .param("id", claim.id())
                .param("attempts", claim.attempts())
                .param("outcome", outcome)
                .param("error", error)
                .update();
    }
}
