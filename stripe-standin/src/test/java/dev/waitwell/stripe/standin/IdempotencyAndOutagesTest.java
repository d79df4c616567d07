package dev.waitwell.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.PaymentIntent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdempotencyAndOutagesTest extends StandInTest {

    @Test
    void theSameKeyReplaysTheFirstAnswerAndChargesOnce() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();

        PaymentIntent first = chargeOffSession(customer, "pm_card_visa", 2000, key);
        PaymentIntent again = chargeOffSession(customer, "pm_card_visa", 2000, key);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .contains("true");
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).hasSize(1);
        assertThat(stripe.requests("POST", "/v1/payment_intents"))
                .extracting(RecordedRequest::idempotencyKey)
                .containsExactly(key, key);
    }

    @Test
    void aReplayedDeclineIsTheSameDecline() throws Exception {
        String customer = customerWith("pm_card_chargeDeclinedInsufficientFunds");
        String key = newKey();

        CardException first =
                catchCard(() -> chargeOffSession(customer, "pm_card_chargeDeclinedInsufficientFunds", 2000, key));
        CardException again =
                catchCard(() -> chargeOffSession(customer, "pm_card_chargeDeclinedInsufficientFunds", 2000, key));

        assertThat(again.getStripeError().getPaymentIntent().getId())
                .isEqualTo(first.getStripeError().getPaymentIntent().getId());
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).hasSize(1);
    }

    @Test
    void theSameKeyWithOtherParametersIsRefused() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();
        chargeOffSession(customer, "pm_card_visa", 2000, key);

        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 3000, key))
                .isInstanceOf(IdempotencyException.class)
                .hasMessageContaining(key);
    }

    @Test
    void anOutageAnswersServerErrorsAndKeepsNothingUnderTheKey() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();
        stripe.failNextRequests(2);

        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, key))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, key))
                .isInstanceOf(ApiException.class);
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).isEmpty();

        assertThat(chargeOffSession(customer, "pm_card_visa", 2000, key).getStatus())
                .isEqualTo("succeeded");
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).hasSize(1);
    }

    @Test
    void anAnswerThatComesTooLateWasStillCarriedOutAndTheRetryGetsIt() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();
        stripe.hangNextRequests(1, Duration.ofSeconds(4));

        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, key))
                .isInstanceOf(ApiConnectionException.class);
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).hasSize(1);

        PaymentIntent retried = chargeOffSession(customer, "pm_card_visa", 2000, key);
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).containsExactly(retried.getId());
    }

    @Test
    void anOutageOfOneEndpointLeavesTheOthersAnswering() throws Exception {
        String customer = customerWith("pm_card_visa");
        stripe.failNextRequests("POST", "/v1/payment_intents", 1);

        assertThat(client.v1().customers().retrieve(customer).getId()).isEqualTo(customer);
        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, newKey()))
                .isInstanceOf(ApiException.class);
        assertThat(chargeOffSession(customer, "pm_card_visa", 2000, newKey()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void aServerErrorKeptUnderTheKeyIsReplayedToEveryRetryUntilTheKeyIsForgotten() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();
        stripe.failNextRequestsKeepingTheError("POST", "/v1/payment_intents", 1, false);

        ApiException first = (ApiException) catchThrowable(() -> chargeOffSession(customer, "pm_card_visa", 2000, key));
        ApiException again = (ApiException) catchThrowable(() -> chargeOffSession(customer, "pm_card_visa", 2000, key));

        assertThat(first.getStatusCode()).isEqualTo(500);
        assertThat(replayed(first)).isEmpty();
        assertThat(again.getStatusCode()).isEqualTo(500);
        assertThat(replayed(again)).contains("true");
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).isEmpty();
        stripe.forgetIdempotencyKeys();
        assertThat(chargeOffSession(customer, "pm_card_visa", 2000, key).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void aServerErrorKeptAfterTheRequestRanLeavesTheWorkDone() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();
        stripe.failNextRequestsKeepingTheError("POST", "/v1/payment_intents", 1, true);

        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, key))
                .isInstanceOf(ApiException.class);
        ApiException again = (ApiException) catchThrowable(() -> chargeOffSession(customer, "pm_card_visa", 2000, key));

        assertThat(replayed(again)).contains("true");
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).hasSize(1);
    }

    @Test
    void forgottenKeysChargeAgainAsStripeDoesAfterADay() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();
        chargeOffSession(customer, "pm_card_visa", 2000, key);

        stripe.forgetIdempotencyKeys();
        chargeOffSession(customer, "pm_card_visa", 2000, key);

        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).hasSize(2);
    }

    @Test
    void everyRequestIsRecordedWithItsKeyAndFormParameters() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();

        chargeOffSession(customer, "pm_card_visa", 2000, key);

        RecordedRequest charge = stripe.requests("POST", "/v1/payment_intents").get(0);
        assertThat(charge.idempotencyKey()).isEqualTo(key);
        assertThat(charge.params())
                .containsEntry("amount", "2000")
                .containsEntry("currency", "usd")
                .containsEntry("customer", customer)
                .containsEntry("off_session", "true")
                .containsEntry("confirm", "true")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("metadata[charge_key]", key);
        assertThat(stripe.requests())
                .extracting(RecordedRequest::path)
                .containsExactly("/v1/customers", "/v1/payment_methods/pm_card_visa/attach", "/v1/payment_intents");
    }

    private static java.util.Optional<String> replayed(ApiException e) {
        return e.getStripeError().getLastResponse().headers().firstValue("Idempotent-Replayed");
    }

    private static CardException catchCard(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(CardException.class);
        return (CardException) thrown;
    }
}
