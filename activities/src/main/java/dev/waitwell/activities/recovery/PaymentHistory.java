package dev.waitwell.activities.recovery;

import dev.waitwell.activities.recovery.OrderRows.Event;
import dev.waitwell.activities.recovery.OrderRows.Payment;
import dev.waitwell.workflows.order.OrderRecord.DeclinedCharge;
import dev.waitwell.workflows.payment.ChargePurpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An order's money as its {@code payments} rows and payment timeline entries record it, counted the way the order
 * workflow counts it, so that a resumed run's totals and step numbers go on from the lost run's.
 */
final class PaymentHistory {

    /** Timeline entries of a charge attempt that did not go through; their message ends with the reason. */
    private static final Pattern UNPAID = Pattern.compile("(?s).* (?:declined|waits on the customer's bank): (.*)");

    private static final Set<String> ATTEMPT_EVENTS =
            Set.of("PAYMENT_CHARGED", "PAYMENT_DECLINED", "PAYMENT_ACTION_REQUIRED");

    private final String orderId;
    private final OrderRows rows;

    PaymentHistory(String orderId, OrderRows rows) {
        this.orderId = orderId;
        this.rows = rows;
    }

    /** Every charge that went through. */
    long paid() {
        return charges().stream()
                .filter(PaymentHistory::succeeded)
                .mapToLong(Payment::amountMinor)
                .sum();
    }

    /** What the balance charges (purpose BALANCE) that went through took. */
    long balancePaid() {
        return charges().stream()
                .filter(PaymentHistory::succeeded)
                .filter(charge -> "BALANCE".equals(charge.purpose()))
                .mapToLong(Payment::amountMinor)
                .sum();
    }

    /**
     * The refunds the workflow made and counted: all that was left on cancellation ({@code <charge key>/refund}) and
     * parts ({@code <orderId>/refund-part/...}). Refunds made at the processor ({@code /refund-external/}) never
     * reached the workflow's totals, so they do not count here either.
     */
    long refunded() {
        return rows.payments().stream()
                .filter(payment -> "REFUND".equals(payment.kind()) && succeeded(payment))
                .filter(payment -> payment.key().startsWith(orderId + "/charge/")
                        || payment.key().startsWith(orderId + "/refund-part/"))
                .mapToLong(Payment::amountMinor)
                .sum();
    }

    /**
     * The highest number of a numbered charge step ({@code deposit-1}, {@code balance-3}), or the number of charge
     * attempts the timeline shows if that is more: an attempt whose charge left no row (a method the processor did
     * not know) still used its number, and the next step must be a new one. Counting too many only skips numbers.
     */
    int chargeAttempts() {
        Pattern step = Pattern.compile(Pattern.quote(orderId + "/charge/") + "[a-z_]+-(\\d+)");
        int highest = highestNumber(charges().stream().map(Payment::key).toList(), step);
        long attempts = rows.events().stream()
                .filter(event -> ATTEMPT_EVENTS.contains(event.type()))
                .count();
        return Math.max(highest, (int) attempts);
    }

    /** The highest number of a partial refund step: {@code <orderId>/refund-part/partial-refund-<n>/<charge id>}. */
    int partialRefunds() {
        Pattern step = Pattern.compile(Pattern.quote(orderId + "/refund-part/partial-refund-") + "(\\d+)/\\d+");
        return highestNumber(rows.payments().stream().map(Payment::key).toList(), step);
    }

    /**
     * The reason of the last charge that did not go through, as the workflow keeps it (the words of its timeline
     * entry, else the processor's recorded message or code); null once a charge went through after it.
     */
    String lastError() {
        List<Payment> unpaid = trailingUnpaid();
        if (unpaid.isEmpty()) {
            return null;
        }
        Event last = null;
        for (Event event : rows.events()) {
            if (ATTEMPT_EVENTS.contains(event.type())) {
                last = event;
            }
        }
        Matcher reason = last == null ? null : UNPAID.matcher(last.message());
        if (reason != null && reason.matches()) {
            return reason.group(1);
        }
        Payment payment = unpaid.get(unpaid.size() - 1);
        return payment.failureMessage() != null ? payment.failureMessage() : payment.failureReason();
    }

    /**
     * The charge an order in {@code AWAITING_PAYMENT} waits on: the last of the charges that did not go through since
     * the last one that did, declined when the first of them was (the grace period runs from there: the workflow
     * keeps it across retries and new methods until the money is in). Null when every charge went through.
     */
    DeclinedCharge declinedCharge() {
        List<Payment> unpaid = trailingUnpaid();
        if (unpaid.isEmpty()) {
            return null;
        }
        Payment last = unpaid.get(unpaid.size() - 1);
        return new DeclinedCharge(
                ChargePurpose.valueOf(last.purpose()),
                last.key().substring((orderId + "/charge/").length()),
                last.amountMinor(),
                unpaid.get(0).createdAt(),
                "REQUIRES_ACTION".equals(last.status()));
    }

    /** The charges after the last one that went through, oldest first. */
    private List<Payment> trailingUnpaid() {
        List<Payment> unpaid = new ArrayList<>();
        for (Payment charge : charges()) {
            if (succeeded(charge)) {
                unpaid.clear();
            } else {
                unpaid.add(charge);
            }
        }
        return unpaid;
    }

    private List<Payment> charges() {
        return rows.payments().stream()
                .filter(payment -> "CHARGE".equals(payment.kind()))
                .toList();
    }

    private static boolean succeeded(Payment payment) {
        return "SUCCEEDED".equals(payment.status());
    }

    /** The highest first group of {@code pattern} over whole matches among {@code texts}; 0 for none. */
    static int highestNumber(List<String> texts, Pattern pattern) {
        int highest = 0;
        for (String text : texts) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return highest;
    }
}
