package dev.waitwell.api.notification;

import dev.waitwell.workflows.notification.SmsReplyCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The orders a text's sender placed: those whose customer phone is the sender's number, newest first. */
@Component
class PhoneOrders {

    /** More than anyone texts about: a number with more still gets its newest ones. */
    private static final int AT_MOST = 50;

    private static final int MAX_KEPT = 1000;

    /** One of the sender's orders as a text needs it; {@code promisedDate} null when no date can be promised. */
    record PhoneOrder(String orderId, String status, LocalDate promisedDate, Instant linkExpiresAt) {

        boolean open() {
            return !"SHIPPED".equals(status) && !"CANCELLED".equals(status);
        }

        boolean awaitingDecision() {
            return "AWAITING_DECISION".equals(status);
        }

        String code() {
            return SmsReplyCode.of(orderId);
        }

        /** "4821" (the code its delay notice showed) or the order id itself, in any case. */
        boolean namedBy(String reference) {
            return code().equals(reference) || orderId.equalsIgnoreCase(reference);
        }
    }

    private final JdbcClient jdbc;

    PhoneOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PhoneOrder> of(String phone) {
        return jdbc.sql("""
                SELECT order_id, status, promised_date, link_expires_at FROM orders
                 WHERE customer_phone = ? ORDER BY placed_at DESC, order_id LIMIT ?""")
                .params(phone, AT_MOST)
                .query((rs, row) -> new PhoneOrder(
                        rs.getString("order_id"),
                        rs.getString("status"),
                        rs.getObject("promised_date", LocalDate.class),
                        rs.getTimestamp("link_expires_at").toInstant()))
                .list();
    }

    /** A text the shop could not read, on the order's timeline where support sees it. */
    void keepOnTimeline(String orderId, String messageSid, String phone, String body) {
        String text = body.length() <= MAX_KEPT ? body : body.substring(0, MAX_KEPT) + "...";
        jdbc.sql("""
                INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, 'SMS_RECEIVED', ?)
                ON CONFLICT (order_id, event_key) DO NOTHING""")
                .params(orderId, "sms-inbound/" + messageSid, "The customer texted from " + phone + ": " + text)
                .update();
    }
}
