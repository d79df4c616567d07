package dev.waitwell.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.NotificationActivities;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Neither {@code spring.mail.host} nor Twilio credentials are set in this context. */
class UnconfiguredChannelsTest extends DatabaseTest {

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    @Test
    void unconfiguredChannelsAreSkippedWithTheReason() {
        String orderId = fixture.preorder();

        List<Delivery> deliveries =
                notifications.notify(Requests.confirmed(orderId, Requests.ADA)).deliveries();

        assertThat(deliveries)
                .containsExactly(
                        new Delivery(Channel.EMAIL, DeliveryStatus.SKIPPED, "email not configured"),
                        new Delivery(Channel.SMS, DeliveryStatus.SKIPPED, "SMS not configured"));
        assertThat(jdbc.sql("""
                        SELECT channel || ' ' || status || ' ' || detail FROM notifications
                         WHERE order_id = ? ORDER BY channel""").param(orderId).query(String.class).list())
                .containsExactly("EMAIL SKIPPED email not configured", "SMS SKIPPED SMS not configured");
        assertThat(jdbc.sql("SELECT type || ': ' || message FROM order_events WHERE order_id = ? ORDER BY id")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "NOTIFICATION_SKIPPED: CONFIRMED email skipped: email not configured",
                        "NOTIFICATION_SKIPPED: CONFIRMED SMS skipped: SMS not configured");
    }

    @Test
    void channelsTheCustomerDidNotChooseAreSkippedWithTheReason() {
        String orderId = fixture.preorder();
        Customer emailOnlyWithoutAddress = new Customer("c-2", null, null, "+15550003333", List.of(Channel.EMAIL));

        List<Delivery> deliveries = notifications
                .notify(Requests.confirmed(orderId, emailOnlyWithoutAddress))
                .deliveries();

        assertThat(deliveries)
                .containsExactly(
                        new Delivery(Channel.EMAIL, DeliveryStatus.SKIPPED, "no email address"),
                        new Delivery(Channel.SMS, DeliveryStatus.SKIPPED, "customer did not choose SMS"));
    }

    @Test
    void retriedNotifyKeepsTheFirstOutcome() {
        String orderId = fixture.preorder();

        notifications.notify(Requests.confirmed(orderId, Requests.ADA));
        notifications.notify(Requests.confirmed(orderId, Requests.ADA));

        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM order_events WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
