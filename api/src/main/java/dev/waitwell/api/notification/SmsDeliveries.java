package dev.waitwell.api.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what Twilio reports about an SMS on its notification row and on the order's timeline, in one transaction.
 * Reports apply in rank order (queued &lt; sending &lt; sent &lt; delivered, undelivered or failed: the database's
 * {@code twilio_status_rank}), checked by the UPDATE itself: a late or repeated report changes nothing, and of two
 * final outcomes the first stays. A report for a SID no row has yet (the worker is still waiting for Twilio's answer
 * to the send) is held in {@code sms_status_reports}; the worker applies it when it records the SID. An advisory lock
 * on the SID, taken by both sides first, keeps the two from missing each other.
 */
@Component
class SmsDeliveries {

    /**
     * The SMS a callback was about, as it stands after the callback.
     *
     * @param linkExpiresAt when its order's customer link expires
     * @param fallbackDue the SMS is FAILED and no email fallback row points to it yet: true on every callback until
     *     the fallback ran, so a callback whose fallback could not be started starts it when Twilio repeats it
     */
    record Sms(long notificationId, String orderId, Instant linkExpiresAt, boolean fallbackDue) {}

    private static final Logger log = LoggerFactory.getLogger(SmsDeliveries.class);
    private static final String SMS_COLUMNS = """
            n.id, n.order_id, o.link_expires_at,
            n.status = 'FAILED' AND NOT EXISTS (SELECT 1 FROM notifications f WHERE f.fallback_of = n.id)
                AS fallback_due""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SmsDeliveries(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * @param twilioStatus Twilio's {@code MessageStatus}; statuses without a rank (canceled, read...) change nothing
     * @return the SMS with this SID as it stands now, or empty when no row has the SID (the report is held)
     */
    Optional<Sms> report(String messageSid, String twilioStatus, String errorCode) {
        return transactions.execute(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('sms-sid'), hashtext(:sid))")
                    .param("sid", messageSid)
                    .query((rs, row) -> row)
                    .list();
            String detail = "delivered".equals(twilioStatus)
                    ? "delivered"
                    : "Twilio: " + twilioStatus
                            + (errorCode == null || errorCode.isBlank() ? "" : ", error " + errorCode);
            Optional<Sms> applied = apply(messageSid, twilioStatus, detail);
            if (applied.isPresent()) {
                recordOnTimeline(applied.get().orderId(), messageSid, twilioStatus, detail);
                return applied;
            }
            Optional<Sms> known = find(messageSid);
            if (known.isEmpty()) {
                hold(messageSid, twilioStatus, errorCode);
            } else {
                log.debug(
                        "Twilio status {} for message {} ranks no higher than the last one; ignored",
                        twilioStatus,
                        messageSid);
            }
            return known;
        });
    }

    /** Only a report that ranks above the row's last Twilio status; only a final one changes status and detail. */
    private Optional<Sms> apply(String messageSid, String twilioStatus, String detail) {
        return jdbc.sql("""
                UPDATE notifications n
                   SET provider_status = :twilioStatus,
                       status = CASE :twilioStatus WHEN 'delivered' THEN 'DELIVERED'
                                                   WHEN 'undelivered' THEN 'FAILED'
                                                   WHEN 'failed' THEN 'FAILED'
                                                   ELSE n.status END,
                       detail = CASE WHEN twilio_status_rank(:twilioStatus) = 4 THEN :detail ELSE n.detail END,
                       updated_at = now()
                  FROM orders o
                 WHERE n.provider_id = :sid AND n.channel = 'SMS' AND o.order_id = n.order_id
                   AND twilio_status_rank(:twilioStatus) > twilio_status_rank(n.provider_status)
                RETURNING""" + " " + SMS_COLUMNS)
                .param("twilioStatus", twilioStatus)
                .param("detail", detail)
                .param("sid", messageSid)
                .query(SmsDeliveries::sms)
                .optional();
    }

    /** Final outcomes only: the worker's own event already says the SMS was sent. */
    private void recordOnTimeline(String orderId, String messageSid, String twilioStatus, String detail) {
        boolean delivered = "delivered".equals(twilioStatus);
        if (!delivered && !"undelivered".equals(twilioStatus) && !"failed".equals(twilioStatus)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO order_events (order_id, event_key, type, message)
                VALUES (:orderId, :eventKey, :type, :message)
                ON CONFLICT (order_id, event_key) DO NOTHING""")
                .param("orderId", orderId)
                .param("eventKey", "sms-status/" + messageSid + "/" + twilioStatus)
                .param("type", delivered ? "SMS_DELIVERED" : "SMS_FAILED")
                .param("message", delivered ? "SMS delivered" : "SMS not delivered (" + detail + ")")
                .update();
    }

    private Optional<Sms> find(String messageSid) {
        return jdbc.sql("SELECT " + SMS_COLUMNS + """

                  FROM notifications n JOIN orders o ON o.order_id = n.order_id
                 WHERE n.provider_id = :sid AND n.channel = 'SMS'""")
                .param("sid", messageSid)
                .query(SmsDeliveries::sms)
                .optional();
    }

    /** Keeps the highest-ranked report per SID until the worker records it; forgets reports a day old. */
    private void hold(String messageSid, String twilioStatus, String errorCode) {
        int held = jdbc.sql("""
                INSERT INTO sms_status_reports (provider_id, status, error_code)
                SELECT :sid, :twilioStatus, :errorCode WHERE twilio_status_rank(:twilioStatus) > 0
                ON CONFLICT (provider_id) DO UPDATE
                   SET status = EXCLUDED.status, error_code = EXCLUDED.error_code, received_at = now()
                 WHERE twilio_status_rank(EXCLUDED.status) > twilio_status_rank(sms_status_reports.status)""")
                .param("sid", messageSid)
                .param("twilioStatus", twilioStatus)
                .param("errorCode", errorCode)
                .update();
        jdbc.sql("DELETE FROM sms_status_reports WHERE received_at < now() - interval '1 day'")
                .update();
        if (held > 0) {
            log.info("Twilio status {} for message {} before the worker recorded it; held", twilioStatus, messageSid);
        }
    }

    private static Sms sms(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Sms(
                rs.getLong("id"),
                rs.getString("order_id"),
                rs.getObject("link_expires_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("fallback_due"));
    }
}
