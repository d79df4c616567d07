package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.waitwell.stripe.standin.RecordedRequest;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.WaitingChargeCancellation;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Letting go of a charge that waits on the customer's bank: cancelled at Stripe, unless they completed it. */
class StripeWaitingChargeCancellationTest extends StripeTest {

    private static final String CARD = "pm_card_authenticationRequired";

    @Test
    void aChargeTheCustomerNeverConfirmedIsCancelledAtStripeAndCanNoLongerSucceed() {
        String orderId = order();
        ChargeRequest request = waitingCharge(orderId);
        String intent = intentOf(request);

        WaitingChargeCancellation cancellation = payments.cancelWaitingCharge(request);

        assertThat(cancellation.wasCompleted()).isFalse();
        RecordedRequest cancel =
                requests("POST", "/v1/payment_intents/" + intent + "/cancel").get(0);
        assertThat(cancel.idempotencyKey()).isEqualTo(request.idempotencyKey() + "/cancel");
        assertThat(cancel.param("cancellation_reason")).isEqualTo("abandoned");
        assertThat(payment(request.idempotencyKey(), "status || '|' || failure_reason || '|' || failure_message"))
                .isEqualTo("DECLINED|abandoned|The payment was cancelled before it was confirmed with your bank.");
        assertThatThrownBy(() -> STRIPE.completeAuthentication(intent, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("canceled");
        assertThat(balance(orderId, "cash")).isZero();
        Throwable charged = catchThrowable(() -> payments.charge(request));
        assertThat(((ApplicationFailure) charged).getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name());
        assertThat(issueOf(charged).code()).isEqualTo("abandoned");
    }

    @Test
    void aChargeTheCustomerConfirmedJustBeforeIsRecordedAndBookedAsCompletedNotCancelled() {
        String orderId = order();
        ChargeRequest request = waitingCharge(orderId);
        String intent = intentOf(request);
        STRIPE.completeAuthentication(intent, true);

        WaitingChargeCancellation cancellation = payments.cancelWaitingCharge(request);

        assertThat(cancellation).isEqualTo(new WaitingChargeCancellation(new ChargeResult(intent, usd(2000))));
        assertThat(requests("POST", "/v1/payment_intents/" + intent + "/cancel"))
                .isEmpty();
        assertThat(payment(request.idempotencyKey(), "status")).isEqualTo("SUCCEEDED");
        assertThat(balance(orderId, "cash")).isEqualTo(2000);
        assertThat(balance(orderId, "customerDeposits")).isEqualTo(-2000);
        assertThat(payments.charge(request)).isEqualTo(cancellation.completed());
    }

    @Test
    void aChargeCarryingItsTimelineEntryFoundPaidAsItIsLetGoOfWritesTheEntryOnceUnderItsKey() {
        String orderId = order();
        ChargeRequest request = atCheckout(orderId, usd(2000), CARD)
                .withChargedEvent(new OrderEvent(
                        orderId, "event:PAYMENT_CHARGED#1", "PAYMENT_CHARGED", "DEPOSIT of $20.00 charged"));
        catchThrowable(() -> payments.charge(request));
        STRIPE.completeAuthentication(intentOf(request), true);

        assertThat(payments.cancelWaitingCharge(request).wasCompleted()).isTrue();
        payments.charge(request); // a check that was still running finds it recorded: nothing more is written
        payments.cancelWaitingCharge(request);

        assertThat(jdbc.sql("SELECT event_key FROM order_events WHERE order_id = ? AND type = 'PAYMENT_CHARGED'")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("event:PAYMENT_CHARGED#1");
    }

    @Test
    void whenTheCustomerConfirmsBetweenTheLastLookAndTheCancellationStripeRefusesAndTheChargeCountsAsCompleted()
            throws Exception {
        String orderId = order();
        ChargeRequest request = waitingCharge(orderId);
        String intent = intentOf(request);
        // Stripe answers the last look (still waiting) late; the customer confirms meanwhile.
        STRIPE.hangNextRequests("GET", "/v1/payment_intents/" + intent, 1, Duration.ofMillis(600));
        CompletableFuture<WaitingChargeCancellation> cancelling =
                CompletableFuture.supplyAsync(() -> payments.cancelWaitingCharge(request));
        awaitRequest("GET", "/v1/payment_intents/" + intent);
        Thread.sleep(200);
        STRIPE.completeAuthentication(intent, true);

        WaitingChargeCancellation cancellation = cancelling.get(10, TimeUnit.SECONDS);

        assertThat(requests("POST", "/v1/payment_intents/" + intent + "/cancel"))
                .as("the cancellation was asked for, and refused")
                .hasSize(1);
        assertThat(cancellation.completed()).isEqualTo(new ChargeResult(intent, usd(2000)));
        assertThat(payment(request.idempotencyKey(), "status")).isEqualTo("SUCCEEDED");
        assertThat(balance(orderId, "cash")).isEqualTo(2000);
    }

    @Test
    void askedTwiceItAnswersTheSameAndBooksNothingTwice() {
        String cancelledOrder = order();
        ChargeRequest cancelled = waitingCharge(cancelledOrder);
        String completedOrder = order();
        ChargeRequest completed = waitingCharge(completedOrder);
        STRIPE.completeAuthentication(intentOf(completed), true);

        WaitingChargeCancellation firstCancelled = payments.cancelWaitingCharge(cancelled);
        WaitingChargeCancellation firstCompleted = payments.cancelWaitingCharge(completed);
        int requestsAfterFirst = requests().size();
        WaitingChargeCancellation againCancelled = payments.cancelWaitingCharge(cancelled);
        WaitingChargeCancellation againCompleted = payments.cancelWaitingCharge(completed);

        assertThat(againCancelled).isEqualTo(firstCancelled);
        assertThat(againCompleted).isEqualTo(firstCompleted);
        assertThat(firstCompleted.wasCompleted()).isTrue();
        assertThat(requests()).as("answered from the rows").hasSize(requestsAfterFirst);
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", completedOrder))
                .isEqualTo(1);
        assertThat(balance(completedOrder, "cash")).isEqualTo(2000);
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", cancelledOrder))
                .isZero();
    }

    @Test
    void aCancellationWhoseAnswerWasLostIsFoundCancelledByTheRetry() {
        String orderId = order();
        ChargeRequest request = waitingCharge(orderId);
        String intent = intentOf(request);
        STRIPE.hangNextRequests("POST", "/v1/payment_intents/" + intent + "/cancel", 1, Duration.ofSeconds(3));
        assertThatThrownBy(() -> payments.cancelWaitingCharge(request)).isInstanceOf(StripeUnavailableException.class);
        assertThat(payment(request.idempotencyKey(), "status")).isEqualTo("REQUIRES_ACTION");

        assertThat(payments.cancelWaitingCharge(request).wasCompleted()).isFalse();

        assertThat(payment(request.idempotencyKey(), "status || ' ' || failure_reason"))
                .isEqualTo("DECLINED abandoned");
    }

    @Test
    void aDeclinedChargeOrNoneAtAllIsNothingToLetGoOf() {
        String orderId = order();
        ChargeRequest declined = later(orderId, "balance-1", usd(8000), "pm_card_chargeDeclinedInsufficientFunds");
        catchThrowable(() -> payments.charge(declined));
        int requestsBefore = requests().size();

        assertThat(payments.cancelWaitingCharge(declined).wasCompleted()).isFalse();
        assertThat(payments.cancelWaitingCharge(later(orderId, "balance-2", usd(8000), "pm_card_visa"))
                        .wasCompleted())
                .isFalse();

        assertThat(requests()).hasSize(requestsBefore);
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId))
                .isEqualTo(1);
    }

    /** A checkout charge the customer's bank asks them to confirm: it waits under its key. */
    private ChargeRequest waitingCharge(String orderId) {
        ChargeRequest request = atCheckout(orderId, usd(2000), CARD);
        Throwable waiting = catchThrowable(() -> payments.charge(request));
        assertThat(issueOf(waiting).code()).isEqualTo(PaymentIssue.AUTHENTICATION_REQUIRED);
        return request;
    }

    private static String intentOf(ChargeRequest request) {
        return STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);
    }

    private void awaitRequest(String method, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests(method, path).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Stripe never received " + method + " " + path);
            }
            Thread.sleep(10);
        }
    }
}
