package dev.waitwell.api;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.SmsFallback;
import dev.waitwell.workflows.notification.SmsFallbackActivities;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for the worker's email fallback in the API tests: writes the fallback email's row in the test
 * database as the real activity does (which is what tells the API the fallback ran), and keeps every call, so
 * that tests can count how often a fallback ran.
 */
public class SmsFallbackActivitiesFake implements SmsFallbackActivities {

    private final JdbcClient jdbc;
    private final List<SmsFallback> calls = new CopyOnWriteArrayList<>();

    SmsFallbackActivitiesFake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every fallback run for this SMS row, retries included. */
    public List<SmsFallback> callsFor(long notificationId) {
        return calls.stream()
                .filter(call -> call.notificationId() == notificationId)
                .toList();
    }

    @Override
    public Delivery emailInstead(SmsFallback fallback) {
        calls.add(fallback);
        jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status,
                                           fallback_of)
                SELECT order_id, notification_key || '/sms-fallback', 'EMAIL', 'SMS_FALLBACK', 'customer@example.com',
                       'SENT', id
                  FROM notifications WHERE id = ?
                ON CONFLICT DO NOTHING""").param(fallback.notificationId()).update();
        return new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to customer@example.com");
    }
}
