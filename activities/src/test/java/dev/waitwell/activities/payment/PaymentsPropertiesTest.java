package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PaymentsPropertiesTest {

    private final ApplicationContextRunner worker = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void refusesToStartWithoutAGatewayForNothingMayFakePaymentsByAccident() {
        worker.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasStackTraceContaining("(WAITWELL_PAYMENTS_GATEWAY) is not set"));
        worker.withPropertyValues("waitwell.payments.gateway=")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("(WAITWELL_PAYMENTS_GATEWAY) is not set"));
    }

    @Test
    void refusesStripeWithoutASecretKeyOrWithAPublishableOne() {
        worker.withPropertyValues("waitwell.payments.gateway=stripe")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("WAITWELL_PAYMENTS_STRIPE_SECRET_KEY) is not set"));
        worker.withPropertyValues("waitwell.payments.gateway=stripe", "waitwell.payments.stripe.secret-key=pk_live_123")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("a publishable key (pk_...) cannot charge"));
    }

    @Test
    void stripeTalksToStripeByDefaultAndNeverShowsItsSecrets() {
        worker.withPropertyValues(
                        "waitwell.payments.gateway=stripe",
                        "waitwell.payments.stripe.secret-key=sk_live_very_secret",
                        "waitwell.payments.stripe.webhook-secret=whsec_also_secret")
                .run(context -> {
                    PaymentsProperties payments = context.getBean(PaymentsProperties.class);

                    assertThat(payments.gateway()).isEqualTo(PaymentsProperties.Gateway.STRIPE);
                    assertThat(payments.stripe().apiBase()).isEqualTo("https://api.stripe.com");
                    assertThat(payments.stripe().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(payments.stripe().readTimeout()).isEqualTo(Duration.ofSeconds(8));
                    assertThat(payments.toString()).doesNotContain("very_secret", "also_secret");
                });
    }

    @Test
    void aBlankApiBaseIsStripesOwnAsComposePassesAnUnsetVariable() {
        worker.withPropertyValues(
                        "waitwell.payments.gateway=stripe",
                        "waitwell.payments.stripe.secret-key=sk_test_key",
                        "waitwell.payments.stripe.api-base=")
                .run(context -> assertThat(context.getBean(PaymentsProperties.class)
                                .stripe()
                                .apiBase())
                        .isEqualTo("https://api.stripe.com"));
    }

    @Test
    void theSandboxNeedsNoKey() {
        worker.withPropertyValues("waitwell.payments.gateway=sandbox")
                .run(context -> assertThat(
                                context.getBean(PaymentsProperties.class).gateway())
                        .isEqualTo(PaymentsProperties.Gateway.SANDBOX));
    }

    @EnableConfigurationProperties(PaymentsProperties.class)
    static class Binding {}
}
