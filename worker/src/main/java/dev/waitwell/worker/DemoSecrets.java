package dev.waitwell.worker;

import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code local} profile the worker refuses to start with a secret that still says {@code change-me}
 * (docker/.env.example's placeholders: {@code sk_test_change-me}, ...). The message names the variables, never the
 * values. The API checks its own secrets the same way, and its accounts and link key.
 */
@Component
class DemoSecrets {

    private static final String CHANGE_ME = "change-me";
    private static final List<String> SECRETS = List.of(
            "waitwell.payments.stripe.secret-key",
            "waitwell.payments.stripe.webhook-secret",
            "waitwell.sms.twilio.auth-token",
            "spring.mail.password",
            "spring.datasource.password");

    DemoSecrets(Environment environment) {
        if (environment.matchesProfiles("local")) {
            return;
        }
        List<String> refused = SECRETS.stream()
                .filter(property -> {
                    String value = environment.getProperty(property);
                    return value != null && value.toLowerCase(Locale.ROOT).contains(CHANGE_ME);
                })
                .map(DemoSecrets::variableOf)
                .toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Demo secrets outside the 'local' profile: " + String.join(", ", refused)
                    + " still hold a \"change-me\" value of docker/.env.example. Set secrets of your own"
                    + " (docs/security.md).");
        }
    }

    /** waitwell.sms.twilio.auth-token -> WAITWELL_SMS_TWILIO_AUTH_TOKEN, as Spring binds variables. */
    private static String variableOf(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
