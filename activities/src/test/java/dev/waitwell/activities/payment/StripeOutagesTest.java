package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Stripe down or slow: a plain exception Temporal retries with backoff, never a decline, never a double charge. */
@ExtendWith(OutputCaptureExtension.class)
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
        assertThat(requests("GET", "/v1/payment_intents/search"))
                .as("a server error Stripe did not keep needs no search")
                .isEmpty();
    }

    @Test
    void aServerErrorStripeKeptAfterChargingIsResolvedByFindingThePaymentIntentByItsChargeKey() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");
        STRIPE.failNextRequestsKeepingTheError("POST", "/v1/payment_intents", 1, true);
        assertThatThrownBy(() -> payments.charge(request))
                .isInstanceOf(StripeUnavailableException.class)
                .hasMessageContaining("HTTP 500");
        String madeThen = STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);

        ChargeResult paid = payments.charge(request);

        assertThat(paid.chargeId()).isEqualTo(madeThen);
        assertThat(requests("POST", "/v1/payment_intents"))
                .as("the retry met the kept error again")
                .hasSize(2);
        assertThat(requests("GET", "/v1/payment_intents/search"))
                .singleElement()
                .satisfies(search -> assertThat(search.param("query"))
                        .isEqualTo("metadata['charge_key']:'" + request.idempotencyKey() + "'"));
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(madeThen);
        assertThat(payment(request.idempotencyKey(), "status || ' ' || gateway_reference"))
                .isEqualTo("SUCCEEDED " + madeThen);
        assertThat(balance(orderId, "cash")).isEqualTo(8000);
    }

    @Test
    void aServerErrorStripeKeptBeforeChargingIsRetriedWithAWarningUntilStripeForgetsTheKey(CapturedOutput output) {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");
        STRIPE.failNextRequestsKeepingTheError("POST", "/v1/payment_intents", 1, false);
        assertThatThrownBy(() -> payments.charge(request)).isInstanceOf(StripeUnavailableException.class);

        assertThatThrownBy(() -> payments.charge(request))
                .isInstanceOf(StripeUnavailableException.class)
                .isNotInstanceOf(ApplicationFailure.class)
                .hasMessageContaining("a server error Stripe keeps under its key");

        assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ")))
                .anySatisfy(line -> assertThat(line).contains(request.idempotencyKey(), "keeps a server error"));
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId))
                .isZero();
        STRIPE.forgetIdempotencyKeys();
        ChargeResult paid = payments.charge(request);
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(paid.chargeId());
        assertThat(balance(orderId, "cash")).isEqualTo(8000);
    }

    @Test
    void aServerErrorStripeKeptAfterConfirmingForTheCustomerIsResolvedByReadingTheIntentAgain() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_authenticationRequired");
        STRIPE.failNextRequestsKeepingTheError("POST", "/v1/payment_intents/*/confirm", 1, true);
        assertThatThrownBy(() -> payments.charge(request)).isInstanceOf(StripeUnavailableException.class);
        String intent = STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);

        Throwable waiting = org.assertj.core.api.Assertions.catchThrowable(() -> payments.charge(request));

        assertThat(((ApplicationFailure) waiting).getType()).isEqualTo(BusinessFailure.PAYMENT_ACTION_REQUIRED.name());
        assertThat(issueOf(waiting).actionUrl()).isEqualTo(STRIPE.baseUrl() + "/_standin/authenticate/" + intent);
        assertThat(requests("POST", "/v1/payment_intents/" + intent + "/confirm"))
                .hasSize(2);
        assertThat(payment(request.idempotencyKey(), "status")).isEqualTo("REQUIRES_ACTION");
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
