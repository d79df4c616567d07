package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.api.ApiApplication;
import dev.waitwell.api.TestDatabaseConfig;
import dev.waitwell.api.TestTemporal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Outside the local profile the API will not start with a secret that ships with Waitwell, and says which variable
 * holds it without printing it.
 */
class DemoSecretsRefusedTest {

    private static final String OWN_USERS = "waitwell.security.users=admin:Vq3-own-admin-password:ADMIN";
    private static final String OWN_LINK_SECRET = "waitwell.links.secret=an-own-link-secret-of-enough-bytes";

    private final ApplicationContextRunner api =
            new ApplicationContextRunner().withUserConfiguration(DemoSecrets.class);

    @Test
    void refusesEachDemoValueNamingItsVariableButNeverTheValue() {
        refused(
                "waitwell.security.users=admin:admin:ADMIN",
                "WAITWELL_SECURITY_USERS (account 'admin')",
                "admin:admin");
        refused("waitwell.security.users=alice:shop:STOREFRONT", "WAITWELL_SECURITY_USERS (account 'alice')", ":shop:");
        refused("waitwell.security.users=ops:{noop}ops:OPS", "WAITWELL_SECURITY_USERS (account 'ops')", "{noop}ops");
        refused("waitwell.security.users=bob:Change-Me-Please:ADMIN", "(account 'bob')", "Change-Me-Please");
        refused("waitwell.links.secret=change-me-to-a-long-random-string", "WAITWELL_LINK_SECRET", "to-a-long");
        refused(
                "waitwell.links.secret=local-only-link-secret-not-for-production",
                "WAITWELL_LINK_SECRET",
                "local-only");
        refused(
                "waitwell.payments.stripe.webhook-secret=whsec_change-me",
                "WAITWELL_PAYMENTS_STRIPE_WEBHOOK_SECRET",
                "whsec");
        refused("waitwell.sms.twilio.auth-token=change-me", "WAITWELL_SMS_TWILIO_AUTH_TOKEN", "=change-me");
        refused("spring.datasource.password=change-me-db", "SPRING_DATASOURCE_PASSWORD", "change-me-db");
    }

    @Test
    void refusesAHashOfADemoPasswordButTakesAHashOfAnOwnOne() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        refused(
                "waitwell.security.users=support:{bcrypt}" + bcrypt.encode("support") + ":SUPPORT",
                "(account 'support')",
                "$2a$");

        api.withPropertyValues(
                        "waitwell.security.users=admin:{bcrypt}" + bcrypt.encode("Vq3-own") + ":ADMIN;shop:{bcrypt}"
                                + bcrypt.encode("another-own") + ":STOREFRONT",
                        OWN_LINK_SECRET)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesTheAccountsOfDockerEnvExampleAsTheyAre() throws IOException {
        String users = Files.readAllLines(Path.of("../docker/.env.example")).stream()
                .filter(line -> line.startsWith("WAITWELL_SECURITY_USERS='"))
                .map(line -> line.substring("WAITWELL_SECURITY_USERS='".length(), line.length() - 1))
                .findFirst()
                .orElseThrow();

        assertThat(users).contains("{bcrypt}$2a$10$");
        assertThat(DemoSecrets.usersWithDemoPasswords(users)).containsExactly("admin", "support", "ops", "shop");
    }

    @Test
    void takesSecretsOfTheirOwn() {
        api.withPropertyValues(
                        OWN_USERS,
                        OWN_LINK_SECRET,
                        "waitwell.payments.stripe.webhook-secret=whsec_0wn",
                        "waitwell.sms.twilio.auth-token=0123456789abcdef")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theLocalProfileKeepsItsDemoAccountsAndLinkKey() {
        api.withPropertyValues(
                        "waitwell.security.users=admin:admin:ADMIN;shop:shop:STOREFRONT",
                        "waitwell.links.secret=local-only-link-secret-not-for-production")
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theApiItselfRefusesToStartWithTheDemoAccounts() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(
                                ApiApplication.class, TestDatabaseConfig.class, TestTemporal.class)
                        .run(
                                "--server.port=0",
                                "--spring.autoconfigure.exclude="
                                        + "io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration,"
                                        + "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration,"
                                        + "io.temporal.spring.boot.autoconfigure.NonRootNamespaceAutoConfiguration,"
                                        + "io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration",
                                "--waitwell.security.users=admin:admin:ADMIN;ops:a-password-of-its-own:OPS",
                                "--" + OWN_LINK_SECRET,
                                "--waitwell.payments.gateway=sandbox")
                        .close())
                .hasStackTraceContaining("Demo secrets outside the 'local' profile: WAITWELL_SECURITY_USERS "
                        + "(account 'admin') still hold");
    }

    private void refused(String setting, String named, String neverShown) {
        api.withPropertyValues(OWN_USERS, OWN_LINK_SECRET, setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Demo secrets outside the 'local' profile")
                    .hasStackTraceContaining(named);
            assertThat(stackTrace(context.getStartupFailure())).doesNotContain(neverShown);
        });
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
