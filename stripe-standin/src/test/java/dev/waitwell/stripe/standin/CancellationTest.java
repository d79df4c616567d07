package dev.waitwell.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCancelParams;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/payment_intents/{id}/cancel}: an intent let go of can never succeed any more. */
class CancellationTest extends StandInTest {

    private static final String RETURN_URL = "https://shop.example/o/1";

    @Test
    void anIntentThatWaitsOnTheBankIsCancelledAndTheCustomerCanNoLongerCompleteIt() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting = chargeOnSession(customer, "pm_card_authenticationRequired", 2000, RETURN_URL);

        PaymentIntent cancelled = cancel(waiting.getId(), newKey());

        assertThat(cancelled.getStatus()).isEqualTo("canceled");
        assertThat(cancelled.getCancellationReason()).isEqualTo("abandoned");
        assertThat(cancelled.getCanceledAt()).isNotNull();
        assertThat(cancelled.getNextAction()).isNull();
        assertThatThrownBy(() -> stripe.completeAuthentication(waiting.getId(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("canceled");
        assertThat(client.v1().paymentIntents().retrieve(waiting.getId()).getStatus())
                .isEqualTo("canceled");
    }

    @Test
    void anIntentThatSucceededIsNotCancelledAndTheRefusalCarriesTheIntent() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting = chargeOnSession(customer, "pm_card_authenticationRequired", 2000, RETURN_URL);
        stripe.completeAuthentication(waiting.getId(), true);

        assertThatThrownBy(() -> cancel(waiting.getId(), newKey()))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(400);
                    assertThat(refused.getCode()).isEqualTo("payment_intent_unexpected_state");
                    assertThat(refused.getMessage())
                            .contains("You cannot cancel this PaymentIntent because it has a status of succeeded");
                    assertThat(refused.getStripeError().getPaymentIntent().getStatus())
                            .isEqualTo("succeeded");
                });
        assertThat(client.v1().paymentIntents().retrieve(waiting.getId()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void aCancellationRetriedUnderItsKeyGetsTheFirstAnswerAndAnotherKeyIsRefused() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting = chargeOnSession(customer, "pm_card_authenticationRequired", 2000, RETURN_URL);
        String key = newKey();
        cancel(waiting.getId(), key);

        PaymentIntent again = cancel(waiting.getId(), key);

        assertThat(again.getStatus()).isEqualTo("canceled");
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .contains("true");
        assertThatThrownBy(() -> cancel(waiting.getId(), newKey()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        refused -> assertThat(refused.getCode()).isEqualTo("payment_intent_unexpected_state"));
    }

    @Test
    void aCancelledIntentCannotBeConfirmedAgain() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting = chargeOnSession(customer, "pm_card_authenticationRequired", 2000, RETURN_URL);
        cancel(waiting.getId(), newKey());

        assertThatThrownBy(() -> client.v1().paymentIntents().confirm(waiting.getId(), key(newKey())))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        refused -> assertThat(refused.getCode()).isEqualTo("payment_intent_unexpected_state"));
    }

    private PaymentIntent cancel(String intent, String key) throws Exception {
        return client.v1()
                .paymentIntents()
                .cancel(
                        intent,
                        PaymentIntentCancelParams.builder()
                                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                .build(),
                        key(key));
    }
}
