package dev.waitwell.api.notification;

import dev.waitwell.api.order.CustomerLinks;
import dev.waitwell.workflows.notification.SmsReplyCode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The orders a text's sender placed: those whose customer phone is the sender's number, newest first, each with the
 * link to its page.
 */
@Component
class PhoneOrders {

    /** More than anyone texts about: a number with more still gets its newest ones. */
    private static final int AT_MOST = 50;

    private static final int MAX_KEPT = 1000;

    /**
     * One of the sender's orders as a text needs it: {@code promisedDate} null when no date can be promised,
     * {@code link} its customer page, {@code customerLocale} the BCP 47 tag the customer ordered in (null when they
     * gave none).
     */
    record PhoneOrder(String orderId, String status, LocalDate promisedDate, String link, String customerLocale) {

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
    private final CustomerLinks links;

    PhoneOrders(JdbcClient jdbc, CustomerLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    List<PhoneOrder> of(String phone) {
        return jdbc.sql("""
                SELECT order_id, status, promised_date, link_expires_at, customer_locale FROM orders
                 WHERE customer_phone = ? ORDER BY placed_at DESC, order_id LIMIT ?""")
                .params(phone, AT_MOST)
                .query((rs, row) -> new PhoneOrder(
                        rs.getString("order_id"),
                        rs.getString("status"),
                        rs.getObject("promised_date", LocalDate.class),
                        links.urlFor(
                                rs.getString("order_id"),
                                rs.getTimestamp("link_expires_at").toInstant()),
                        rs.getString("customer_locale")))
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
