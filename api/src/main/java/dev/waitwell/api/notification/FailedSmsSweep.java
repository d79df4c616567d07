package dev.waitwell.api.notification;

import dev.waitwell.api.recovery.RecoverySweep;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A failed SMS's fallback is started by its status callback. When Temporal refused that start (the callback was
 * answered 503) and Twilio did not repeat the callback (it retries only when it cannot connect), this sweep starts
 * it: failed SMS of the last day, failed for longer than the grace period, that no fallback email points to. The
 * workflow id is the SMS's, so a fallback that ran already (or is running) is never started twice.
 */
@Component
class FailedSmsSweep implements RecoverySweep {

    private static final int BATCH = 100;
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final SmsFallbacks fallbacks;

    FailedSmsSweep(JdbcClient jdbc, SmsFallbacks fallbacks) {
        this.jdbc = jdbc;
        this.fallbacks = fallbacks;
    }

    @Override
    public String subject() {
        return "email fallbacks of failed SMS";
    }

    /** Throws when the database or Temporal is away (SmsFallbacks answers 503 then). */
    @Override
    public int recover(Instant before) {
        return startFailedBefore(before);
    }

    /** Starts the fallbacks of SMS that failed before {@code failedBefore} (and within a day of it). */
    int startFailedBefore(Instant failedBefore) {
        List<SmsDeliveries.Sms> due = jdbc.sql("""
                SELECT n.id, n.order_id, o.link_expires_at FROM notifications n JOIN orders o USING (order_id)
                 WHERE n.channel = 'SMS' AND n.status = 'FAILED' AND n.updated_at < ? AND n.updated_at >= ?
                   AND NOT EXISTS (SELECT 1 FROM notifications f WHERE f.fallback_of = n.id)
                 ORDER BY n.updated_at DESC, n.id LIMIT ?""")
                .params(Timestamp.from(failedBefore), Timestamp.from(failedBefore.minus(LOOK_BACK)), BATCH)
                .query((rs, row) -> new SmsDeliveries.Sms(
                        rs.getLong("id"),
                        rs.getString("order_id"),
                        rs.getTimestamp("link_expires_at").toInstant(),
                        true))
                .list();
        for (SmsDeliveries.Sms sms : due) {
            fallbacks.start(sms.notificationId(), sms.orderId(), sms.linkExpiresAt());
        }
        return due.size();
    }
}
