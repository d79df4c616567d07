package dev.waitwell.api.notification;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records what Twilio reports about an SMS on its notification row and on the order's timeline, together. */
@Component
class SmsDeliveries {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SmsDeliveries(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** @return false when no SMS was sent with this message SID */
    boolean delivered(String messageSid) {
        return record(messageSid, "delivered", "DELIVERED", "delivered", "SMS_DELIVERED", "SMS delivered");
    }

    /** @return false when no SMS was sent with this message SID */
    boolean failed(String messageSid, String twilioStatus, String errorCode) {
        String detail = "Twilio: " + twilioStatus + (errorCode == null || errorCode.isBlank() ? ""
                : ", error " + errorCode);
        return record(messageSid, twilioStatus, "FAILED", detail, "SMS_FAILED", "SMS not delivered (" + detail + ")");
    }

    private boolean record(String messageSid, String twilioStatus, String status, String detail, String eventType,
            String eventMessage) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Optional<String> orderId = jdbc.sql("""
                    UPDATE notifications SET status = :status, detail = :detail, updated_at = now()
                     WHERE provider_id = :sid AND channel = 'SMS'
                    RETURNING order_id""")
                    .param("status", status)
                    .param("detail", detail)
                    .param("sid", messageSid)
                    .query(String.class)
                    .optional();
            orderId.ifPresent(order -> jdbc.sql("""
                    INSERT INTO order_events (order_id, event_key, type, message)
                    VALUES (:orderId, :eventKey, :type, :message)
                    ON CONFLICT (order_id, event_key) DO NOTHING""")
                    .param("orderId", order)
                    .param("eventKey", "sms-status/" + messageSid + "/" + twilioStatus)
                    .param("type", eventType)
                    .param("message", eventMessage)
                    .update());
            return orderId.isPresent();
        }));
    }
}
