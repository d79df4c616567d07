package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.waitwell.stripe.standin.RecordedRequest;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** Banks that ask the customer to confirm (SCA, 3-D Secure), at checkout and months later. */
class StripeAuthenticationTest extends StripeTest {

    private static final String CARD = "pm_card_authenticationRequired";

    @Test
    void atCheckoutTheChargeWaitsOnTheBankUnderItsKeyWithThePageToConfirmOn() {
        String orderId = order();
        ChargeRequest request = atCheckout(orderId, usd(2000), CARD);

        Throwable waiting = catchThrowable(() -> payments.charge(request));

        assertThat(waiting).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_ACTION_REQUIRED.name());
            assertThat(failure.isNonRetryable()).isTrue();
        });
        String intent = STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);
        PaymentIssue issue = issueOf(waiting);
        assertThat(issue.code()).isEqualTo(PaymentIssue.AUTHENTICATION_REQUIRED);
        assertThat(issue.message()).isEqualTo("Your bank asks you to confirm this payment.");
        assertThat(issue.actionUrl()).isEqualTo(STRIPE.baseUrl() + "/_standin/authenticate/" + intent);
        assertThat(payment(request.idempotencyKey(), "status || ' ' || gateway_reference || ' ' || action_url"))
                .isEqualTo("REQUIRES_ACTION " + intent + " " + issue.actionUrl());
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", orderId))
                .isZero();
    }

    @Test
    void askedAgainBeforeTheCustomerConfirmedItStillWaitsAndNoSecondPaymentIsMade() {
        String orderId = order();
        ChargeRequest request = atCheckout(orderId, usd(2000), CARD);
        catchThrowable(() -> payments.charge(request));
        String intent = STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);

        Throwable stillWaiting = catchThrowable(() -> payments.charge(request));

        assertThat(issueOf(stillWaiting).actionUrl()).endsWith(intent);
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(1);
        assertThat(requests("GET", "/v1/payment_intents/" + intent)).hasSize(1);
    }

    @Test
    void onceTheCustomerConfirmedTheChargeIsPaidAndBookedOnce() {
        String orderId = order();
        ChargeRequest request = atCheckout(orderId, usd(2000), CARD);
        catchThrowable(() -> payments.charge(request));
        String intent = STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);

        STRIPE.completeAuthentication(intent, true);
        ChargeResult paid = payments.charge(request);
        ChargeResult again = payments.charge(request);

        assertThat(paid.chargeId()).isEqualTo(intent);
        assertThat(again).isEqualTo(paid);
        assertThat(payment(request.idempotencyKey(), "status")).isEqualTo("SUCCEEDED");
        assertThat(balance(orderId, "cash")).isEqualTo(2000);
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", orderId))
                .isEqualTo(1);
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(1);
    }

    @Test
    void whenTheCustomerFailsToConfirmTheChargeIsDeclined() {
        String orderId = order();
        ChargeRequest request = atCheckout(orderId, usd(2000), CARD);
        catchThrowable(() -> payments.charge(request));
        STRIPE.completeAuthentication(
                STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                        .get(0),
                false);

        Throwable declined = catchThrowable(() -> payments.charge(request));

        assertThat(((ApplicationFailure) declined).getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name());
        assertThat(issueOf(declined))
                .isEqualTo(PaymentIssue.declined(
                        "payment_intent_authentication_failure", "The payment was not confirmed with your bank."));
        assertThat(payment(request.idempotencyKey(), "status || ' ' || failure_reason"))
                .isEqualTo("DECLINED payment_intent_authentication_failure");
        assertThat(balance(orderId, "cash")).isZero();
    }

    @Test
    void offSessionTheDeclinedPaymentIsConfirmedAgainForTheCustomerToAuthenticate() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), CARD);

        Throwable waiting = catchThrowable(() -> payments.charge(request));

        assertThat(((ApplicationFailure) waiting).getType()).isEqualTo(BusinessFailure.PAYMENT_ACTION_REQUIRED.name());
        String intent = STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);
        assertThat(issueOf(waiting).actionUrl()).isEqualTo(STRIPE.baseUrl() + "/_standin/authenticate/" + intent);
        assertThat(requests("POST", "/v1/payment_intents").get(0).param("off_session"))
                .isEqualTo("true");
        RecordedRequest confirm =
                requests("POST", "/v1/payment_intents/" + intent + "/confirm").get(0);
        assertThat(confirm.idempotencyKey()).isEqualTo(request.idempotencyKey() + "/authenticate");
        assertThat(confirm.params())
                .containsEntry("return_url", RETURN_URL + orderId)
                .containsEntry("payment_method", CARD)
                .doesNotContainKey("off_session");

        STRIPE.completeAuthentication(intent, true);
        assertThat(payments.charge(request).chargeId()).isEqualTo(intent);
        assertThat(balance(orderId, "cash")).isEqualTo(8000);
    }
}
