package dev.waitwell.api.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A failed SMS's fallback is started by its status callback. When Temporal refused that start (the callback was
 * answered 503) and Twilio did not repeat the callback (it retries only when it cannot connect), this sweep starts
 * it: failed SMS of the last day, failed for longer than the grace period, that no fallback email points to. The
 * workflow id is the SMS's, so a fallback that ran already (or is running) is never started twice.
 */
@Component
class FailedSmsSweep {

    private static final Logger log = LoggerFactory.getLogger(FailedSmsSweep.class);
    private static final int BATCH = 100;
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final SmsFallbacks fallbacks;
    private final Clock clock;
    private final Duration grace;

    FailedSmsSweep(JdbcClient jdbc, SmsFallbacks fallbacks, Clock clock,
            @Value("${waitwell.recovery.start-grace:PT1M}") Duration grace) {
        this.jdbc = jdbc;
        this.fallbacks = fallbacks;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${waitwell.recovery.interval:PT1M}",
            initialDelayString = "${waitwell.recovery.interval:PT1M}")
    void sweep() {
        try {
            startFailedBefore(clock.instant().minus(grace));
        } catch (RuntimeException away) {
            // The database or Temporal is away (SmsFallbacks answers 503 then): the next sweep tries again.
            log.warn("Could not start the email fallbacks of failed SMS: {}", away.toString());
        }
    }

    /** Starts the fallbacks of SMS that failed before {@code failedBefore} (and within a day of it). */
    int startFailedBefore(Instant failedBefore) {
        List<SmsDeliveries.Sms> due = jdbc.sql("""
                SELECT n.id, n.order_id, o.link_expires_at FROM notifications n JOIN orders o USING (order_id)
                 WHERE n.channel = 'SMS' AND n.status = 'FAILED' AND n.updated_at < ? AND n.updated_at >= ?
                   AND NOT EXISTS (SELECT 1 FROM notifications f WHERE f.fallback_of = n.id)
                 ORDER BY n.updated_at DESC, n.id LIMIT ?""")
                .params(Timestamp.from(failedBefore), Timestamp.from(failedBefore.minus(LOOK_BACK)), BATCH)
                .query((rs, row) -> new SmsDeliveries.Sms(rs.getLong("id"), rs.getString("order_id"),
                        rs.getTimestamp("link_expires_at").toInstant(), true))
                .list();
        for (SmsDeliveries.Sms sms : due) {
            fallbacks.start(sms.notificationId(), sms.orderId(), sms.linkExpiresAt());
        }
        return due.size();
    }
}
