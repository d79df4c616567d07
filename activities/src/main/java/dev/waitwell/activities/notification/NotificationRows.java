package dev.waitwell.activities.notification;

import dev.waitwell.workflows.notification.Channel;
import java.sql.Types;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code notifications} table: one row per order, key and channel. */
@Component
class NotificationRows {

    /** A stored row; {@code status} is SENDING, SENT, SKIPPED or FAILED. */
    record Row(long id, String status, String recipient, String detail) {}

    private final JdbcClient jdbc;

    NotificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A row to insert. {@code body} is what the message says (kept for a message that is sent, null when it is
     * skipped); {@code fallbackOf} is the failed SMS an email stands in for, else null.
     */
    record NewRow(
            String orderId,
            String key,
            Channel channel,
            String template,
            String recipient,
            String status,
            String detail,
            String body,
            Long fallbackOf) {}

    /** @return the new row's id, or empty when the order, key and channel have a row already */
    Optional<Long> insert(
            String orderId,
            String key,
            Channel channel,
            String template,
            String recipient,
            String status,
            String detail) {
        return insert(new NewRow(orderId, key, channel, template, recipient, status, detail, null, null));
    }

    /** @return the new row's id, or empty when the order, key and channel (or the fallback's SMS) have a row */
    Optional<Long> insert(NewRow row) {
        return jdbc.sql("""
                        INSERT INTO notifications (order_id, notification_key, channel, template, recipient,
                                                   status, detail, body, fallback_of)
                        VALUES (:orderId, :key, :channel, :template, :recipient, :status, :detail, :body,
                                :fallbackOf)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .param("orderId", row.orderId())
                .param("key", row.key())
                .param("channel", row.channel().name())
                .param("template", row.template())
                .param("recipient", row.recipient())
                .param("status", row.status())
                .param("detail", row.detail())
                .param("body", row.body())
                .param("fallbackOf", row.fallbackOf(), Types.BIGINT)
                .query(Long.class)
                .optional();
    }

    Row find(String orderId, String key, Channel channel) {
        return jdbc.sql("""
                        SELECT id, status, recipient, detail FROM notifications
                         WHERE order_id = :orderId AND notification_key = :key AND channel = :channel""")
                .param("orderId", orderId)
                .param("key", key)
                .param("channel", channel.name())
                .query((rs, n) -> new Row(
                        rs.getLong("id"), rs.getString("status"), rs.getString("recipient"), rs.getString("detail")))
                .single();
    }

    /**
     * Settles this attempt's claim. False when the row is no longer SENDING: another attempt, started while this one
     * waited on the provider, found it claimed and closed it as interrupted.
     */
    boolean finish(long id, String status, String detail, String providerId) {
        return jdbc.sql("""
                                UPDATE notifications SET status = :status, detail = :detail, provider_id = :providerId,
                                                         updated_at = now()
                                 WHERE id = :id AND status = 'SENDING'""")
                        .param("status", status)
                        .param("detail", detail)
                        .param("providerId", providerId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * The provider accepted a message after its attempt was given up and the row closed as interrupted: the row
     * says SENT after all, with the provider's id. False when the row was closed otherwise.
     */
    boolean sentAfterAll(long id, String detail, String providerId) {
        return jdbc.sql("""
                                UPDATE notifications SET status = 'SENT', detail = :detail, provider_id = :providerId,
                                                         updated_at = now()
                                 WHERE id = :id AND status = 'FAILED' AND provider_id IS NULL AND detail = :interrupted""")
                        .param("detail", detail)
                        .param("providerId", providerId)
                        .param("id", id)
                        .param("interrupted", NotificationActivitiesImpl.INTERRUPTED)
                        .update()
                == 1;
    }

    /** Only an interrupted attempt's row; false when another attempt settled it meanwhile. */
    boolean failInterrupted(long id, String detail) {
        return jdbc.sql("""
                        UPDATE notifications SET status = 'FAILED', detail = :detail, updated_at = now()
                         WHERE id = :id AND status = 'SENDING'""").param("detail", detail).param("id", id).update() == 1;
    }

    /** Gives up the claim after a definite "not sent", so the activity's retry claims and sends afresh. */
    void release(long id) {
        jdbc.sql("DELETE FROM notifications WHERE id = :id AND status = 'SENDING'")
                .param("id", id)
                .update();
    }
}
