package dev.waitwell.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * The payment settings as the worker reads them from its application.yml (and application-local.yml), with only the
 * variables a test gives: outside the local profile nothing fakes payments unless told to.
 */
class PaymentGatewaySettingsTest {

    @Test
    void refusesToStartWithoutAGatewayOutsideTheLocalProfile() {
        assertThatThrownBy(() -> start(null).close()).hasStackTraceContaining("WAITWELL_PAYMENTS_GATEWAY) is not set");
    }

    @Test
    void theLocalProfileSimulatesPaymentsUnlessToldOtherwise() {
        try (ConfigurableApplicationContext local = start("local")) {
            assertThat(local.getEnvironment().getProperty("waitwell.payments.gateway"))
                    .isEqualTo("sandbox");
        }
        try (ConfigurableApplicationContext local = start(
                "local", "WAITWELL_PAYMENTS_GATEWAY=stripe", "WAITWELL_PAYMENTS_STRIPE_SECRET_KEY=sk_test_local")) {
            assertThat(local.getEnvironment().getProperty("waitwell.payments.gateway"))
                    .isEqualTo("stripe");
        }
    }

    @Test
    void refusesStripeWithoutItsSecretKey() {
        assertThatThrownBy(() -> start(null, "WAITWELL_PAYMENTS_GATEWAY=stripe").close())
                .hasStackTraceContaining("WAITWELL_PAYMENTS_STRIPE_SECRET_KEY) is not set");
    }

    @Test
    void talksToStripeUnlessTheApiBasePointsElsewhere() {
        try (ConfigurableApplicationContext stripe =
                start(null, "WAITWELL_PAYMENTS_GATEWAY=stripe", "WAITWELL_PAYMENTS_STRIPE_SECRET_KEY=sk_test_x")) {
            assertThat(stripe.getEnvironment().getProperty("waitwell.payments.stripe.api-base"))
                    .isEqualTo("https://api.stripe.com");
        }
        try (ConfigurableApplicationContext standIn = start(
                null,
                "WAITWELL_PAYMENTS_GATEWAY=stripe",
                "WAITWELL_PAYMENTS_STRIPE_SECRET_KEY=sk_test_x",
                "WAITWELL_PAYMENTS_STRIPE_API_BASE=http://127.0.0.1:12111")) {
            assertThat(standIn.getEnvironment().getProperty("waitwell.payments.stripe.api-base"))
                    .isEqualTo("http://127.0.0.1:12111");
        }
    }

    /** The payment properties alone, bound as the worker binds them, from the variables given (no others). */
    private static ConfigurableApplicationContext start(String profile, String... variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        SpringApplicationBuilder worker = new SpringApplicationBuilder(PaymentSettings.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .properties(variables);
        if (profile != null) {
            worker.profiles(profile);
        }
        return worker.run();
    }

    @ConfigurationPropertiesScan("dev.waitwell.activities.payment")
    static class PaymentSettings {}
}
