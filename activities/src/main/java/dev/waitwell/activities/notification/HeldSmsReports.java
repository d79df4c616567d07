package dev.waitwell.activities.notification;

import dev.waitwell.activities.order.Timeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Twilio's status reports that reached the API before this worker recorded the SMS's SID (Twilio answered the send
 * slowly): the API holds them in {@code sms_status_reports}, and the transaction that records the SID applies them to
 * the row and the order's timeline, exactly as the API applies a report that comes later. Both sides lock the SID
 * first, so a report is either held before the SID is recorded or finds the row after.
 */
@Component
class HeldSmsReports {

    private record Report(String status, String errorCode) {}

    private final JdbcClient jdbc;
    private final Timeline timeline;

    HeldSmsReports(JdbcClient jdbc, Timeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    /** Until the end of the current transaction, which must be the one that records the SID. */
    void lock(String messageSid) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('sms-sid'), hashtext(:sid))")
                .param("sid", messageSid)
                .query((rs, row) -> row)
                .list();
    }

    /** Applies the report held for this SID, if any, to its row (rank checked as the API does) and the timeline. */
    void applyHeld(String orderId, long notificationId, String messageSid) {
        jdbc.sql("DELETE FROM sms_status_reports WHERE provider_id = :sid RETURNING status, error_code")
                .param("sid", messageSid)
                .query((rs, row) -> new Report(rs.getString("status"), rs.getString("error_code")))
                .optional()
                .ifPresent(report -> apply(orderId, notificationId, messageSid, report));
    }

    private void apply(String orderId, long notificationId, String messageSid, Report report) {
        boolean delivered = "delivered".equals(report.status());
        String detail = delivered
                ? "delivered"
                : "Twilio: " + report.status()
                        + (report.errorCode() == null || report.errorCode().isBlank()
                                ? ""
                                : ", error " + report.errorCode());
        int applied = jdbc.sql("""
                        UPDATE notifications
                           SET provider_status = :twilioStatus,
                               status = CASE :twilioStatus WHEN 'delivered' THEN 'DELIVERED'
                                                           WHEN 'undelivered' THEN 'FAILED'
                                                           WHEN 'failed' THEN 'FAILED'
                                                           ELSE status END,
                               detail = CASE WHEN twilio_status_rank(:twilioStatus) = 4 THEN :detail ELSE detail END,
                               updated_at = now()
                         WHERE id = :id AND twilio_status_rank(:twilioStatus) > twilio_status_rank(provider_status)""")
                .param("twilioStatus", report.status())
                .param("detail", detail)
                .param("id", notificationId)
                .update();
        boolean failed = "undelivered".equals(report.status()) || "failed".equals(report.status());
        if (applied == 1 && (delivered || failed)) {
            // The API's event for the same report, so a report counts once whichever side applies it.
            timeline.append(
                    orderId,
                    "sms-status/" + messageSid + "/" + report.status(),
                    delivered ? "SMS_DELIVERED" : "SMS_FAILED",
                    delivered ? "SMS delivered" : "SMS not delivered (" + detail + ")");
        }
    }
}
