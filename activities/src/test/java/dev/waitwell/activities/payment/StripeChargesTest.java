package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.stripe.standin.RecordedRequest;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeChargesTest extends StripeTest {

    @Test
    void aCheckoutChargeIsConfirmedWithTheCustomerPresentAndSavesTheCardOnTheirStripeCustomer() {
        String orderId = order();
        ChargeRequest request = atCheckout(orderId, usd(2000), "pm_card_visa");

        ChargeResult result = payments.charge(request);

        assertThat(result.chargeId()).startsWith("pi_");
        assertThat(result.amount()).isEqualTo(usd(2000));
        RecordedRequest customer = requests("POST", "/v1/customers").get(0);
        assertThat(customer.idempotencyKey()).isEqualTo(orderId + "/stripe-customer");
        assertThat(customer.params()).containsEntry("email", "a@b.c").containsEntry("name", "Ada");
        String stripeCustomer = jdbc.sql(
                        "SELECT stripe_customer_id FROM stripe_customers s JOIN orders o USING (customer_id)"
                                + " WHERE o.order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
        RecordedRequest attach =
                requests("POST", "/v1/payment_methods/pm_card_visa/attach").get(0);
        assertThat(attach.idempotencyKey()).isEqualTo(request.idempotencyKey() + "/attach");
        assertThat(attach.param("customer")).isEqualTo(stripeCustomer);
        RecordedRequest intent = requests("POST", "/v1/payment_intents").get(0);
        assertThat(intent.idempotencyKey()).isEqualTo(orderId + "/charge/deposit-1");
        assertThat(intent.params())
                .containsEntry("amount", "2000")
                .containsEntry("currency", "usd")
                .containsEntry("customer", stripeCustomer)
                .containsEntry("payment_method", "pm_card_visa")
                .containsEntry("confirm", "true")
                .containsEntry("setup_future_usage", "off_session")
                .containsEntry("return_url", RETURN_URL + orderId)
                .containsEntry("metadata[order_id]", orderId)
                .containsEntry("metadata[charge_key]", request.idempotencyKey())
                .doesNotContainKey("off_session");
        assertThat(payment(request.idempotencyKey(), "status || ' ' || gateway_reference"))
                .isEqualTo("SUCCEEDED " + result.chargeId());
        assertThat(balance(orderId, "cash")).isEqualTo(2000);
        assertThat(balance(orderId, "customerDeposits")).isEqualTo(-2000);
    }

    @Test
    void aLaterChargeIsMadeOffSessionOnTheSavedCardOfTheSameStripeCustomer() {
        String first = order();
        payments.charge(atCheckout(first, usd(2000), "pm_card_visa"));
        String second = orderOfTheCustomerOf(first);

        payments.charge(later(second, "balance-1", usd(8000), "pm_card_visa"));

        assertThat(requests("POST", "/v1/customers")).hasSize(1);
        RecordedRequest balance = requests("POST", "/v1/payment_intents").get(1);
        assertThat(balance.params())
                .containsEntry("off_session", "true")
                .containsEntry("confirm", "true")
                .containsEntry("amount", "8000")
                .containsEntry(
                        "customer",
                        requests("POST", "/v1/payment_intents").get(0).param("customer"))
                .doesNotContainKeys("setup_future_usage", "return_url");
        assertThat(balance.idempotencyKey()).isEqualTo(second + "/charge/balance-1");
    }

    @ParameterizedTest
    @CsvSource({"12345, USD, 12345, usd", "999, EUR, 999, eur", "1999, JPY, 1999, jpy"})
    void amountsReachStripeInTheCurrencysMinorUnits(long minor, String currency, String sent, String sentCurrency) {
        String orderId = order();

        ChargeResult result = payments.charge(later(orderId, "balance-1", Money.of(minor, currency), "pm_card_visa"));

        assertThat(requests("POST", "/v1/payment_intents").get(0).params())
                .containsEntry("amount", sent)
                .containsEntry("currency", sentCurrency);
        assertThat(result.amount()).isEqualTo(Money.of(minor, currency));
        assertThat(payment(orderId + "/charge/balance-1", "amount_minor || ' ' || currency"))
                .isEqualTo(minor + " " + currency);
    }

    @Test
    void aRetriedActivitySendsNothingNewAndMovesMoneyOnce() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_mastercard");

        ChargeResult first = payments.charge(request);
        ChargeResult retried = payments.charge(request);

        assertThat(retried).isEqualTo(first);
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(first.chargeId());
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", orderId))
                .isEqualTo(1);
    }

    @Test
    void everyPostToStripeCarriesAKeyDerivedFromTheOrder() {
        String orderId = order();
        payments.charge(atCheckout(orderId, usd(2000), "pm_card_visa"));
        payments.charge(later(orderId, "balance-1", usd(8000), "pm_card_visa"));

        assertThat(requests().stream().filter(request -> request.method().equals("POST")))
                .hasSize(5)
                .allSatisfy(post -> assertThat(post.idempotencyKey()).startsWith(orderId + "/"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pm_card_chargeDeclined | card_declined | Your bank declined the payment.",
                "pm_card_chargeCustomerFail | card_declined | Your bank declined the payment.",
                "pm_card_chargeDeclinedInsufficientFunds | insufficient_funds | The card has insufficient funds.",
                "pm_card_chargeDeclinedExpiredCard | expired_card | The card has expired.",
                "pm_card_chargeDeclinedIncorrectCvc | incorrect_cvc | The card's security code is incorrect.",
                "pm_card_chargeDeclinedProcessingError | processing_error | The payment could not be processed; please"
                        + " try again."
            })
    void aDeclineIsRecordedWithItsCodeAndAShortReasonOfOursAndRaisedWithItsIssue(
            String card, String code, String reason) {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), card);

        Throwable declined = org.assertj.core.api.Assertions.catchThrowable(() -> payments.charge(request));
        Throwable again = org.assertj.core.api.Assertions.catchThrowable(() -> payments.charge(request));

        assertThat(declined).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name());
            assertThat(failure.isNonRetryable()).isTrue();
        });
        assertThat(issueOf(declined)).isEqualTo(PaymentIssue.declined(code, reason));
        assertThat(issueOf(again)).isEqualTo(issueOf(declined));
        assertThat(payment(request.idempotencyKey(), "status || '|' || failure_reason || '|' || failure_message"))
                .isEqualTo("DECLINED|" + code + "|" + reason);
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", orderId))
                .isZero();
    }

    @Test
    void anAmountBelowStripesSmallestCardPaymentIsDeclinedNotRetriedForever() {
        String orderId = order();
        ChargeRequest request = later(orderId, "switch-1", usd(20), "pm_card_visa");

        Throwable declined = org.assertj.core.api.Assertions.catchThrowable(() -> payments.charge(request));

        assertThat(((ApplicationFailure) declined).getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name());
        assertThat(issueOf(declined))
                .isEqualTo(PaymentIssue.declined(
                        "amount_too_small", "The amount is below the smallest card payment allowed."));
        assertThat(payment(request.idempotencyKey(), "status || ' ' || failure_reason"))
                .isEqualTo("DECLINED amount_too_small");
    }

    @Test
    void aMethodStripeDoesNotKnowIsRefusedForGoodAndNotRecorded() {
        String orderId = order();

        assertThatThrownBy(() -> payments.charge(atCheckout(orderId, usd(2000), "pm_card_unheard_of")))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_METHOD_UNKNOWN.name());
                    assertThat(failure.getDetails().get(PaymentIssue.class).code())
                            .isEqualTo(PaymentIssue.PAYMENT_METHOD_UNKNOWN);
                });
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId))
                .isZero();
    }
}
