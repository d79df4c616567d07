package dev.waitwell.api.notification;

import dev.waitwell.api.recovery.RecoverySweep;
import dev.waitwell.api.recovery.WorkflowRuns;
import dev.waitwell.workflows.notification.SmsFallbackWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A failed SMS's fallback is started by its status callback. When Temporal refused that start (the callback was
 * answered 503) and Twilio did not repeat the callback (it retries only when it cannot connect), or Temporal lost
 * the fallback before its email was recorded (a local restart, a run terminated by hand), this sweep starts it:
 * failed SMS of the last day, failed for longer than the grace period, that no fallback email points to, or whose
 * fallback email was left claimed but not settled ({@code SENDING}). The workflow id is the SMS's: a fallback that
 * is running is left alone, and one that ran to its end (even one that gave up on an email outage) never runs
 * again; only a run stopped part-way is run again, and the email's own row keeps it from being sent twice.
 */
@Component
class FailedSmsSweep implements RecoverySweep {

    private static final int BATCH = 100;
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final SmsFallbacks fallbacks;
    private final WorkflowRuns runs;

    FailedSmsSweep(JdbcClient jdbc, SmsFallbacks fallbacks, WorkflowRuns runs) {
        this.jdbc = jdbc;
        this.fallbacks = fallbacks;
        this.runs = runs;
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
                  LEFT JOIN notifications f ON f.fallback_of = n.id
                 WHERE n.channel = 'SMS' AND n.status = 'FAILED' AND n.updated_at < ? AND n.updated_at >= ?
                   AND (f.id IS NULL OR (f.status = 'SENDING' AND f.updated_at < ?))
                 ORDER BY n.updated_at DESC, n.id LIMIT ?""")
                .params(
                        Timestamp.from(failedBefore),
                        Timestamp.from(failedBefore.minus(LOOK_BACK)),
                        Timestamp.from(failedBefore),
                        BATCH)
                .query((rs, row) -> new SmsDeliveries.Sms(
                        rs.getLong("id"),
                        rs.getString("order_id"),
                        rs.getTimestamp("link_expires_at").toInstant(),
                        true))
                .list();
        int started = 0;
        for (SmsDeliveries.Sms sms : due) {
            Optional<WorkflowExecutionStatus> run = runs.status(SmsFallbackWorkflowIds.of(sms.notificationId()));
            if (run.isEmpty() || WorkflowRuns.stoppedPartWay(run.get())) {
                fallbacks.start(sms.notificationId(), sms.orderId(), sms.linkExpiresAt());
                started++;
            }
        }
        return started;
    }
}
