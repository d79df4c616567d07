package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.waitwell.stripe.standin.Refusal;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What Stripe refuses: for good (a charge declined as {@code payment_method_unusable}, never retried forever), or for
 * now (retried). A refund is owed whatever Stripe says: retried, and logged for support when refused for good.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeRefusalsTest extends StripeTest {

    private static final PaymentIssue UNUSABLE = PaymentIssue.declined(
            "payment_method_unusable", "This payment method cannot be used for this payment; please choose another.");

    @ParameterizedTest
    @CsvSource({
        "PAYMENT_METHOD_OF_ANOTHER_CUSTOMER, /v1/payment_methods/pm_card_visa/attach",
        "PAYMENT_METHOD_USED_BEFORE, /v1/payment_intents"
    })
    void aMethodStripeWillNotUseIsDeclinedAsUnusableAndRecordedLikeADecline(Refusal refusal, String path) {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");
        STRIPE.refuseNextRequests("POST", path, 1, refusal);

        Throwable declined = catchThrowable(() -> payments.charge(request));
        int requestsAfterFirst = requests().size();
        Throwable again = catchThrowable(() -> payments.charge(request));

        assertUnusable(declined);
        assertThat(issueOf(again)).isEqualTo(UNUSABLE);
        assertThat(requests()).as("answered from the row").hasSize(requestsAfterFirst);
        assertThat(payment(request.idempotencyKey(), "status || '|' || failure_reason || '|' || failure_message"))
                .isEqualTo("DECLINED|payment_method_unusable|" + UNUSABLE.message());
        assertThat(balance(orderId, "cash")).isZero();
    }

    @Test
    void aMethodStripeWillNotConfirmForTheCustomerIsDeclinedAsUnusableOnItsPaymentIntent() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_authenticationRequired");
        STRIPE.refuseNextRequests("POST", "/v1/payment_intents/*/confirm", 1, Refusal.PAYMENT_METHOD_USED_BEFORE);

        assertUnusable(catchThrowable(() -> payments.charge(request)));

        assertThat(payment(request.idempotencyKey(), "status || ' ' || failure_reason || ' ' || gateway_reference"))
                .isEqualTo("DECLINED payment_method_unusable "
                        + STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                                .get(0));
    }

    @Test
    void aCustomerDeletedAtStripeMakesTheirSavedCardUnusable() {
        String first = order();
        payments.charge(atCheckout(first, usd(2000), "pm_card_visa"));
        STRIPE.deleteCustomer(stripeCustomerOf(first));
        String second = orderOfTheCustomerOf(first);

        Throwable declined =
                catchThrowable(() -> payments.charge(later(second, "balance-1", usd(8000), "pm_card_visa")));

        assertUnusable(declined);
        assertThat(payment(second + "/charge/balance-1", "status || ' ' || failure_reason"))
                .isEqualTo("DECLINED payment_method_unusable");
    }

    @Test
    void aCurrencyStripeTakesNoPaymentsInIsDeclinedAsUnusable() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", Money.of(500000, "IRR"), "pm_card_visa");

        assertUnusable(catchThrowable(() -> payments.charge(request)));
        assertThat(payment(request.idempotencyKey(), "status || ' ' || currency"))
                .isEqualTo("DECLINED IRR");
    }

    @ParameterizedTest
    @EnumSource(
            value = Refusal.class,
            names = {"RATE_LIMITED", "LOCK_TIMEOUT", "IDEMPOTENCY_KEY_IN_USE"})
    void aRateLimitALockOrAKeyStillInUseIsRetriedAndNeverADecline(Refusal refusal) {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");
        STRIPE.refuseNextRequests("POST", "/v1/payment_intents", 1, refusal);

        assertThatThrownBy(() -> payments.charge(request))
                .isInstanceOf(StripeUnavailableException.class)
                .isNotInstanceOf(ApplicationFailure.class);
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId))
                .isZero();

        ChargeResult paid = payments.charge(request);
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(paid.chargeId());
        assertThat(balance(orderId, "cash")).isEqualTo(8000);
    }

    @Test
    void aRefundStripeRefusesForGoodIsRetriedAndLoggedAsAnErrorWithTheOrderAndTheKey(CapturedOutput output) {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(8000), "pm_card_visa"));
        RefundRequest cancellation = new RefundRequest(orderId, "USD", "cancelled");
        STRIPE.refuseNextRequests("POST", "/v1/refunds", 1, Refusal.CHARGE_DISPUTED);

        assertThatThrownBy(() -> payments.refundAll(cancellation))
                .isInstanceOf(StripeUnavailableException.class)
                .isNotInstanceOf(ApplicationFailure.class);

        String key = orderId + "/charge/balance-1/refund";
        assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ") && line.contains(orderId)))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(key, paid.chargeId(), "charge_disputed"));
        assertThat(payments.refundAll(cancellation).refunded()).isEqualTo(usd(8000));
    }

    @Test
    void aRateLimitedRefundIsRetriedWithoutAnError(CapturedOutput output) {
        String orderId = order();
        payments.charge(later(orderId, "balance-1", usd(8000), "pm_card_visa"));
        RefundRequest cancellation = new RefundRequest(orderId, "USD", "cancelled");
        STRIPE.refuseNextRequests("POST", "/v1/refunds", 1, Refusal.RATE_LIMITED);

        assertThatThrownBy(() -> payments.refundAll(cancellation)).isInstanceOf(StripeUnavailableException.class);

        assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ") && line.contains(orderId)))
                .isEmpty();
        assertThat(payments.refundAll(cancellation).refunded()).isEqualTo(usd(8000));
    }

    private static void assertUnusable(Throwable declined) {
        assertThat(declined).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name());
            assertThat(failure.isNonRetryable()).isTrue();
        });
        assertThat(issueOf(declined)).isEqualTo(UNUSABLE);
    }

    private String stripeCustomerOf(String orderId) {
        return jdbc.sql("SELECT stripe_customer_id FROM stripe_customers s JOIN orders o USING (customer_id)"
                        + " WHERE o.order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }
}
