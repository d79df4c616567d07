package dev.waitwell.api.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records what Twilio reports about an SMS on its notification row and on the order's timeline, together. */
@Component
class SmsDeliveries {

    /**
     * The SMS a callback was about.
     *
     * @param linkExpiresAt when its order's customer link expires
     * @param fallbackDue no email fallback row points to it yet: set on every callback until the fallback ran, so
     *     a callback whose fallback could not be started starts it when Twilio repeats it
     */
    record Sms(long notificationId, String orderId, Instant linkExpiresAt, boolean fallbackDue) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SmsDeliveries(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** @return empty when no SMS was sent with this message SID */
    Optional<Sms> delivered(String messageSid) {
        return record(messageSid, "delivered", "DELIVERED", "delivered", "SMS_DELIVERED", "SMS delivered");
    }

    /** @return empty when no SMS was sent with this message SID */
    Optional<Sms> failed(String messageSid, String twilioStatus, String errorCode) {
        String detail =
                "Twilio: " + twilioStatus + (errorCode == null || errorCode.isBlank() ? "" : ", error " + errorCode);
        return record(messageSid, twilioStatus, "FAILED", detail, "SMS_FAILED", "SMS not delivered (" + detail + ")");
    }

    private Optional<Sms> record(
            String messageSid,
            String twilioStatus,
            String status,
            String detail,
            String eventType,
            String eventMessage) {
        return transactions.execute(tx -> {
            Optional<Sms> sms = jdbc.sql("""
                    UPDATE notifications n SET status = :status, detail = :detail, updated_at = now()
                      FROM orders o
                     WHERE n.provider_id = :sid AND n.channel = 'SMS' AND o.order_id = n.order_id
                    RETURNING n.id, n.order_id, o.link_expires_at,
                              NOT EXISTS (SELECT 1 FROM notifications f WHERE f.fallback_of = n.id) AS fallback_due""")
                    .param("status", status)
                    .param("detail", detail)
                    .param("sid", messageSid)
                    .query((rs, row) -> new Sms(
                            rs.getLong("id"),
                            rs.getString("order_id"),
                            rs.getObject("link_expires_at", OffsetDateTime.class)
                                    .toInstant(),
                            rs.getBoolean("fallback_due")))
                    .optional();
            sms.ifPresent(sent -> jdbc.sql("""
                    INSERT INTO order_events (order_id, event_key, type, message)
                    VALUES (:orderId, :eventKey, :type, :message)
                    ON CONFLICT (order_id, event_key) DO NOTHING""")
                    .param("orderId", sent.orderId())
                    .param("eventKey", "sms-status/" + messageSid + "/" + twilioStatus)
                    .param("type", eventType)
                    .param("message", eventMessage)
                    .update());
            return sms;
        });
    }
}
