package dev.waitwell.messages;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Facts to render templates with when there is no order: at start-up (every template, both with every fact and with
 * only the ones a milestone cannot do without) and in staff's preview.
 */
public final class SampleFacts {

    public static final String ORDER_ID = "o-1001";
    public static final String CUSTOMER = "Alex Example";
    static final String LINK = "https://shop.example.com/c/orders/o-1001?t=eyJzYW1wbGUiOnRydWV9.c2lnbmF0dXJl";

    private SampleFacts() {}

    /** Every fact a milestone's message may use. */
    public static MessageFacts full(Milestone milestone) {
        return new MessageFacts(
                "Camera One",
                "CAM-1",
                2,
                LocalDate.of(2027, 6, 1),
                Money.of(milestone == Milestone.SWITCHED ? -5_000 : 49_900, "EUR"),
                Money.of(99_800, "EUR"),
                Money.of(49_900, "EUR"),
                LINK,
                "UPS",
                "1Z999AA10123456784",
                milestone == Milestone.CANCELLED ? "the release was called off" : "the supplier's shipment is late",
                List.of(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL),
                Instant.parse("2027-05-20T10:00:00Z"),
                true,
                "WAIT-7QX2",
                10);
    }

    /** Only what every message of the milestone has: no date, no amounts, no reason, no reward. */
    static MessageFacts sparse(Milestone milestone) {
        return new MessageFacts(
                "Camera One",
                "CAM-1",
                1,
                null,
                null,
                null,
                null,
                LINK,
                "UPS",
                "1Z999AA10123456784",
                null,
                List.of(DelayChoice.CANCEL),
                null,
                false,
                null,
                0);
    }

    /**
     * Every branch a template takes with real facts: all facts; the bare minimum; waiting offered without a reward
     * and silence meaning wait; no choice at all.
     */
    static List<MessageFacts> branches(Milestone milestone) {
        MessageFacts full = full(milestone);
        return List.of(
                full,
                sparse(milestone),
                withChoices(full, List.of(DelayChoice.WAIT), true, 0),
                withChoices(sparse(milestone), List.of(), false, 0));
    }

    private static MessageFacts withChoices(
            MessageFacts f, List<DelayChoice> choices, boolean silenceMeansWait, int rewardPercent) {
        return new MessageFacts(
                f.productName(),
                f.sku(),
                f.quantity(),
                f.promisedDate(),
                f.amount(),
                f.total(),
                f.paid(),
                f.customerUrl(),
                f.carrier(),
                f.trackingNumber(),
                f.reason(),
                choices,
                f.decisionDeadline(),
                silenceMeansWait,
                null,
                rewardPercent);
    }

    /** The fallback email with the text the SMS said, and without (an SMS sent before texts were kept). */
    static List<Map<String, Object>> smsFallbacks() {
        return List.of(
                SmsFallback.variables(
                        ORDER_ID, CUSTOMER, "+14155550101", "CONFIRMED", "Camera One confirmed.", LINK, "SHIPPED"),
                SmsFallback.variables(ORDER_ID, CUSTOMER, "+14155550101", "CONFIRMED", null, null, "SHIPPED"));
    }
}
