package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.PaymentIssue;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A charge whose activity is retried through an outage longer than Stripe's memory of idempotency keys: the worker's
 * clock runs a day ahead of when Temporal scheduled the activity, and Stripe has forgotten the key.
 */
@Import(StripeLongOutageTest.DayLater.class)
class StripeLongOutageTest extends StripeTest {

    private TestActivityEnvironment temporal;
    private PaymentActivities activity;

    @TestConfiguration(proxyBeanMethods = false)
    static class DayLater {

        @Bean
        Clock dayLater() {
            return Clock.offset(Clock.systemUTC(), Duration.ofHours(24));
        }
    }

    @BeforeEach
    void activityEnvironment() {
        temporal = TestActivityEnvironment.newInstance();
        temporal.registerActivitiesImplementations(payments);
        activity = temporal.newActivityStub(
                PaymentActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setRetryOptions(
                                RetryOptions.newBuilder().setMaximumAttempts(1).build())
                        .build());
    }

    @AfterEach
    void closeEnvironment() {
        temporal.close();
    }

    @Test
    void aPaymentMadeBeforeStripeForgotItsKeyIsFoundAndRecordedNotMadeAgain() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");
        STRIPE.hangNextRequests("POST", "/v1/payment_intents", 1, Duration.ofSeconds(3));
        assertThatThrownBy(() -> payments.charge(request)).isInstanceOf(StripeUnavailableException.class);
        String madeThen = STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey())
                .get(0);
        STRIPE.forgetIdempotencyKeys();

        ChargeResult paid = activity.charge(request);

        assertThat(paid.chargeId()).isEqualTo(madeThen);
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(madeThen);
        assertThat(requests("GET", "/v1/payment_intents/search"))
                .singleElement()
                .satisfies(search -> assertThat(search.param("query"))
                        .isEqualTo("metadata['charge_key']:'" + request.idempotencyKey() + "'"));
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(1);
        assertThat(balance(orderId, "cash")).isEqualTo(8000);
    }

    @Test
    void aPaymentDeclinedBeforeStripeForgotItsKeyIsRecordedAsThatDecline() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_chargeDeclinedInsufficientFunds");
        STRIPE.hangNextRequests("POST", "/v1/payment_intents", 1, Duration.ofSeconds(3));
        assertThatThrownBy(() -> payments.charge(request)).isInstanceOf(StripeUnavailableException.class);
        STRIPE.forgetIdempotencyKeys();

        assertThatThrownBy(() -> activity.charge(request))
                .isInstanceOf(ActivityFailure.class)
                .cause()
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        failure -> assertThat(failure.getDetails()
                                        .get(PaymentIssue.class)
                                        .code())
                                .isEqualTo("insufficient_funds"));

        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .hasSize(1);
        assertThat(payment(request.idempotencyKey(), "status || ' ' || failure_reason"))
                .isEqualTo("DECLINED insufficient_funds");
    }

    @Test
    void withNothingFoundTheChargeIsMadeUnderItsKey() {
        String orderId = order();
        ChargeRequest request = later(orderId, "balance-1", usd(8000), "pm_card_visa");

        ChargeResult paid = activity.charge(request);

        assertThat(requests("GET", "/v1/payment_intents/search")).hasSize(1);
        assertThat(STRIPE.paymentIntentsWithMetadata("charge_key", request.idempotencyKey()))
                .containsExactly(paid.chargeId());
    }
}
