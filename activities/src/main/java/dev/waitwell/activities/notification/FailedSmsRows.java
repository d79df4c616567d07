package dev.waitwell.activities.notification;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an SMS with what its email fallback needs: the order's customer and whether the milestone was emailed. */
@Component
class FailedSmsRows {

    /**
     * An SMS row and its order. {@code body} is null for an SMS sent before texts were kept; {@code emailed} is
     * true when the email of the same order and key went out.
     */
    record FailedSms(
            long id,
            String orderId,
            String key,
            String milestone,
            String status,
            String phone,
            String body,
            String customerName,
            String customerEmail,
            String customerLocale,
            String orderStatus,
            boolean emailed) {}

    private final JdbcClient jdbc;

    FailedSmsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SMS with this row id on this order, or empty when there is none. */
    Optional<FailedSms> find(long notificationId, String orderId) {
        return jdbc.sql("""
                        SELECT n.id, n.order_id, n.notification_key, n.template, n.status, n.recipient, n.body,
                               o.customer_name, o.customer_email, o.customer_locale,
                               o.status AS order_status,
                               EXISTS (SELECT 1 FROM notifications e
                                        WHERE e.order_id = n.order_id AND e.notification_key = n.notification_key
                                          AND e.channel = 'EMAIL' AND e.status = 'SENT') AS emailed
                          FROM notifications n JOIN orders o ON o.order_id = n.order_id
                         WHERE n.id = :id AND n.order_id = :orderId AND n.channel = 'SMS'""")
                .param("id", notificationId)
                .param("orderId", orderId)
                .query((rs, row) -> new FailedSms(
                        rs.getLong("id"),
                        rs.getString("order_id"),
                        rs.getString("notification_key"),
                        rs.getString("template"),
                        rs.getString("status"),
                        rs.getString("recipient"),
                        rs.getString("body"),
                        rs.getString("customer_name"),
                        rs.getString("customer_email"),
                        rs.getString("customer_locale"),
                        rs.getString("order_status"),
                        rs.getBoolean("emailed")))
                .optional();
    }
}
