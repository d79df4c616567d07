package dev.waitwell.activities.notification;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Notification requests as the order workflow sends them. */
final class Requests {

    static final Customer ADA =
            new Customer("c-1", "Ada", "ada@example.com", "+15550002222", List.of(Channel.EMAIL, Channel.SMS));

    private Requests() {}

    static NotificationRequest confirmed(String orderId, Customer customer) {
        return new NotificationRequest(
                orderId, "CONFIRMED", Milestone.CONFIRMED, customer, facts(orderId, Milestone.CONFIRMED));
    }

    static NotificationRequest of(String orderId, Milestone milestone) {
        return new NotificationRequest(orderId, milestone.name(), milestone, ADA, facts(orderId, milestone));
    }

    static final Instant DEADLINE = Instant.parse("2026-12-01T18:00:00Z");

    static MessageFacts facts(String orderId, Milestone milestone) {
        Money amount = switch (milestone) {
            case CONFIRMED -> Money.of(2000, "USD");
            case RELEASE_REMINDER, CHARGED, PAYMENT_FAILED, PAYMENT_ACTION_REQUIRED -> Money.of(8000, "USD");
            case CANCELLED -> Money.of(2000, "USD");
            case SWITCHED -> Money.of(-2000, "USD");
            case RELEASED,
                    SHIPPED,
                    DELAY_NOTICE,
                    DELAY_ACCEPTED,
                    PROMISE_IMPROVED,
                    WAIT_REMINDER,
                    LINK_RESENT,
                    SURVEY -> null;
        };
        String reason = switch (milestone) {
            case PAYMENT_FAILED -> "card declined";
            case CANCELLED -> "customer changed their mind";
            case DELAY_NOTICE -> "the supplier's shipment moved";
            case PROMISE_IMPROVED -> "stock arrived early";
            case SWITCHED -> "switched from Lens Y";
            default -> null;
        };
        boolean delay = milestone == Milestone.DELAY_NOTICE;
        return new MessageFacts(
                "Camera X",
                "CAM-X",
                1,
                LocalDate.of(2026, 12, 24),
                amount,
                Money.of(10000, "USD"),
                Money.of(milestone == Milestone.CONFIRMED ? 2000 : 10000, "USD"),
                "http://localhost:8080/my/orders/" + orderId + "?t=abc",
                milestone == Milestone.SHIPPED ? "DHL" : null,
                milestone == Milestone.SHIPPED ? "JD0001" : null,
                reason,
                delay ? List.of(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL) : null,
                delay ? DEADLINE : null,
                delay,
                milestone == Milestone.DELAY_ACCEPTED ? "WAIT-AB12CD34" : null,
                delay || milestone == Milestone.DELAY_ACCEPTED ? 10 : 0);
    }
}
