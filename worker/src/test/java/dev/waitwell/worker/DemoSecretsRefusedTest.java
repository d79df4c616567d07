package dev.waitwell.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The worker will not start with docker/.env.example's placeholders outside the local profile. */
class DemoSecretsRefusedTest {

    private final ApplicationContextRunner worker =
            new ApplicationContextRunner().withUserConfiguration(DemoSecrets.class);

    @Test
    void refusesEachChangeMeSecretNamingItsVariableButNeverTheValue() {
        refused(
                "waitwell.payments.stripe.secret-key=sk_test_change-me",
                "WAITWELL_PAYMENTS_STRIPE_SECRET_KEY",
                "sk_test");
        refused(
                "waitwell.payments.stripe.webhook-secret=whsec_change-me",
                "WAITWELL_PAYMENTS_STRIPE_WEBHOOK_SECRET",
                "whsec_");
        refused("waitwell.sms.twilio.auth-token=Change-Me", "WAITWELL_SMS_TWILIO_AUTH_TOKEN", "Change-Me");
        refused("spring.mail.password=change-me-smtp", "SPRING_MAIL_PASSWORD", "change-me-smtp");
        refused("spring.datasource.password=change-me-db", "SPRING_DATASOURCE_PASSWORD", "change-me-db");
    }

    @Test
    void startsWithSecretsOfItsOwnOrNone() {
        worker.run(context -> assertThat(context).hasNotFailed());
        worker.withPropertyValues(
                        "waitwell.payments.stripe.secret-key=sk_test_51Own",
                        "waitwell.sms.twilio.auth-token=0123456789abcdef",
                        "spring.datasource.password=waitwell")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theLocalProfileIsLeftAlone() {
        worker.withPropertyValues("waitwell.payments.stripe.secret-key=sk_test_change-me")
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    private void refused(String setting, String named, String neverShown) {
        worker.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Demo secrets outside the 'local' profile: " + named + " still hold");
            java.io.StringWriter trace = new java.io.StringWriter();
            context.getStartupFailure().printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(neverShown);
        });
    }
}
