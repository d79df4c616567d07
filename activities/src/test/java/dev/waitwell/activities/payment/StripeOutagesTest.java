package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stripe down or slow: a plain exception Temporal retries with backoff, never a decline, never a double charge. */
class StripeOutagesTest extends StripeTest {

    @Test
    void serverErrorsAreRetriedAndNeverRecordedAsADecline() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");
        STRIPE.failNextRequests("POST", "/v1/payment_intents", 2);

        assertThatThrownBy(() -> payments.charge(request))
                .isInstanceOf(StripeUnavailableException.class)
                .isNotInstanceOf(ApplicationFailure.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("sk_test");
        assertThatThrownBy(() -> payments.charge(request)).isInstanceOf(StripeUnavailableException.class);
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId))
                .isZero();

        ChargeResult paid = payments.charge(request);
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(paid.chargeId());
        assertThat(balance(orderId, "cash")).isEqualTo(8000);
    }

    @Test
    void anAnswerLostToATimeoutIsFoundUnderTheSameKeyByTheRetry() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");
        STRIPE.hangNextRequests("POST", "/v1/payment_intents", 1, Duration.ofSeconds(3));

        assertThatThrownBy(() -> payments.charge(request))
                .isInstanceOf(StripeUnavailableException.class)
                .hasMessageContaining("ApiConnectionException");
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .as("Stripe charged although the answer was lost")
                .hasSize(1);

        ChargeResult paid = payments.charge(request);

        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(paid.chargeId());
        assertThat(requests("POST", "/v1/payment_intents"))
                .extracting(post -> post.idempotencyKey())
                .containsExactly(request.idempotencyKey(), request.idempotencyKey());
        assertThat(balance(orderId, "cash")).isEqualTo(8000);
    }

    @Test
    void aStripeOutageWhileCheckingAWaitingChargeLeavesItWaiting() {
        String orderId = order();
        ChargeRequest request = atCheckout(orderId, usd(2000), "pm_card_authenticationRequired");
        assertThatThrownBy(() -> payments.charge(request)).isInstanceOf(ApplicationFailure.class);
        STRIPE.failNextRequests(1);

        assertThatThrownBy(() -> payments.charge(request)).isInstanceOf(StripeUnavailableException.class);

        assertThat(payment(request.idempotencyKey(), "status")).isEqualTo("REQUIRES_ACTION");
    }
}
