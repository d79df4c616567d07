package dev.waitwell.messages;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The facts of a $100 order of one Camera X, $20 paid at checkout, promised for 24 December 2026. */
final class Facts {

    static final String URL =
            "https://shop.example.com/c/orders/o-42?token=1798761600.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Facts() {}

    static Messages messages() {
        return messages(new ShopProperties(
                "Camera Corner",
                "help@cameracorner.example",
                "+1 415 555 0100",
                "https://cameracorner.example",
                null,
                "en",
                null));
    }

    static Messages messages(ShopProperties shop) {
        return new Messages(shop, NEW_YORK);
    }

    static MessageFacts of(Milestone milestone) {
        Money amount = switch (milestone) {
            case CONFIRMED, CANCELLED -> usd(2_000);
            case RELEASE_REMINDER, CHARGED, PAYMENT_FAILED, PAYMENT_ACTION_REQUIRED -> usd(8_000);
            case SWITCHED -> usd(-2_000);
            default -> null;
        };
        Money paid = milestone == Milestone.CONFIRMED ? usd(2_000) : usd(10_000);
        return new MessageFacts(
                "Camera X",
                "CAM-X",
                1,
                LocalDate.of(2026, 12, 24),
                amount,
                usd(10_000),
                paid,
                URL,
                "DHL",
                "JD0001",
                milestone == Milestone.CANCELLED
                        ? "customer changed their mind"
                        : milestone == Milestone.PAYMENT_FAILED ? "card declined" : "the supplier's shipment moved",
                milestone == Milestone.DELAY_NOTICE
                        ? List.of(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL)
                        : null,
                milestone == Milestone.DELAY_NOTICE ? Instant.parse("2026-12-01T23:00:00Z") : null,
                true,
                milestone == Milestone.DELAY_ACCEPTED ? "WAIT-AB12CD34" : null,
                10);
    }

    static MessageFacts with(
            MessageFacts f, LocalDate promisedDate, Money amount, List<DelayChoice> choices, boolean silenceMeansWait) {
        return new MessageFacts(
                f.productName(),
                f.sku(),
                f.quantity(),
                promisedDate,
                amount,
                f.total(),
                f.paid(),
                f.customerUrl(),
                f.carrier(),
                f.trackingNumber(),
                f.reason(),
                choices,
                f.decisionDeadline(),
                silenceMeansWait,
                f.rewardCode(),
                f.rewardPercent());
    }

    static MessageFacts named(MessageFacts f, String productName, String url, String reason) {
        return new MessageFacts(
                productName,
                f.sku(),
                f.quantity(),
                f.promisedDate(),
                f.amount(),
                f.total(),
                f.paid(),
                url,
                f.carrier(),
                f.trackingNumber(),
                reason,
                f.choices(),
                f.decisionDeadline(),
                f.silenceMeansWait(),
                f.rewardCode(),
                f.rewardPercent());
    }

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }
}
