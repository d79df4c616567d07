package dev.waitwell.activities.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.recovery.OrderRows.Event;
import dev.waitwell.activities.recovery.OrderRows.Order;
import dev.waitwell.activities.recovery.OrderRows.Payment;
import dev.waitwell.workflows.order.OrderRecord.DeclinedCharge;
import dev.waitwell.workflows.payment.ChargePurpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases the sandbox gateway cannot produce for {@link OrderRecordsTest}: a charge that waits on the customer's
 * bank, an attempt that left no payment row, and refunds made at the processor.
 */
class PaymentHistoryTest {

    private static final String ORDER = "o-1";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void aChargeWaitingOnTheBankIsTheDeclinedChargeWithTheGraceFromTheFirstDecline() {
        PaymentHistory history = history(
                List.of(
                        charge(1, "deposit-1", "DEPOSIT", "SUCCEEDED", 2000, T0),
                        charge(2, "balance-2", "BALANCE", "DECLINED", 8000, T0.plusSeconds(60)),
                        charge(3, "balance-3", "BALANCE", "REQUIRES_ACTION", 8000, T0.plusSeconds(120))),
                List.of(
                        event(1, "PAYMENT_CHARGED", "DEPOSIT of USD 20.00 charged to pm_card_visa"),
                        event(2, "PAYMENT_DECLINED", "BALANCE of USD 80.00 declined: The card has expired."),
                        event(
                                3,
                                "PAYMENT_ACTION_REQUIRED",
                                "BALANCE of USD 80.00 waits on the customer's bank: Your bank asks you to confirm"
                                        + " this payment.")));

        assertThat(history.declinedCharge())
                .isEqualTo(new DeclinedCharge(ChargePurpose.BALANCE, "balance-3", 8000, T0.plusSeconds(60), true));
        assertThat(history.lastError()).isEqualTo("Your bank asks you to confirm this payment.");
        assertThat(history.paid()).isEqualTo(2000);
    }

    @Test
    void anAttemptThatLeftNoRowStillUsedItsNumber() {
        PaymentHistory history = history(
                List.of(charge(1, "full-1", "FULL", "SUCCEEDED", 10000, T0)),
                List.of(
                        event(1, "PAYMENT_DECLINED", "FULL of USD 100.00 declined: The payment method is not known"),
                        event(2, "PAYMENT_CHARGED", "FULL of USD 100.00 charged to pm_card_visa")));

        assertThat(history.chargeAttempts()).isEqualTo(2);
        assertThat(history.lastError()).isNull();
        assertThat(history.declinedCharge()).isNull();
    }

    @Test
    void countsTheRefundsTheWorkflowMadeNotThoseMadeAtTheProcessor() {
        PaymentHistory history = history(
                List.of(
                        charge(1, "full-1", "FULL", "SUCCEEDED", 10000, T0),
                        refund(2, ORDER + "/refund-part/partial-refund-1/1", 3000),
                        refund(3, ORDER + "/refund-part/partial-refund-3/1", 1000),
                        refund(4, ORDER + "/refund-external/re_1", 500),
                        refund(5, ORDER + "/charge/full-1/refund", 5500)),
                List.of());

        assertThat(history.refunded()).isEqualTo(9500);
        assertThat(history.partialRefunds()).isEqualTo(3);
    }

    private static PaymentHistory history(List<Payment> payments, List<Event> events) {
        Order order = new Order("AWAITING_PAYMENT", "SKU-1", "Camera X", 10000, "USD", "pm", null, T0, 0, false, false);
        return new PaymentHistory(ORDER, new OrderRows(order, events, List.of(), payments, List.of(), Map.of(), null));
    }

    private static Payment charge(long id, String step, String purpose, String status, long amount, Instant at) {
        return new Payment(id, ORDER + "/charge/" + step, "CHARGE", purpose, status, amount, null, null, at);
    }

    private static Payment refund(long id, String key, long amount) {
        return new Payment(id, key, "REFUND", "FULL", "SUCCEEDED", amount, null, null, T0);
    }

    private static Event event(long id, String type, String message) {
        return new Event(id, "event-" + id, type, message, T0);
    }
}
