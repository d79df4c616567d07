package dev.waitwell.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code local} profile the API refuses to start with a secret that ships with the repository: any
 * value containing {@code change-me} (docker/.env.example), the local profile's demo passwords and link key, and
 * password hashes of those. The message names the variable and the account, never the value.
 */
@Component
class DemoSecrets {

    static final String LOCAL_PROFILE = "local";
    static final String CHANGE_ME = "change-me";
    /** application-local.yml's link key. */
    static final String LOCAL_LINK_SECRET = "local-only-link-secret-not-for-production";
    /** application-local.yml's accounts, each with its name as password. */
    static final Set<String> DEMO_PASSWORDS = Set.of("admin", "support", "ops", "shop");

    private static final Pattern ENCODED = Pattern.compile("^\\{[A-Za-z0-9_-]+}.*");
    private static final String NOOP = "{noop}";

    DemoSecrets(Environment environment) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return;
        }
        List<String> refused = new ArrayList<>();
        usersWithDemoPasswords(environment.getProperty("waitwell.security.users"))
                .forEach(user -> refused.add("WAITWELL_SECURITY_USERS (account '" + user + "')"));
        String linkSecret = environment.getProperty("waitwell.links.secret");
        if (changeMe(linkSecret) || LOCAL_LINK_SECRET.equals(linkSecret)) {
            refused.add("WAITWELL_LINK_SECRET");
        }
        refuseChangeMe(environment, "waitwell.payments.stripe.webhook-secret", refused);
        refuseChangeMe(environment, "waitwell.sms.twilio.auth-token", refused);
        refuseChangeMe(environment, "spring.datasource.password", refused);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Demo secrets outside the 'local' profile: " + String.join(", ", refused)
                    + " still hold a value that ships with Waitwell (a \"change-me\" of docker/.env.example, or a demo"
                    + " password or key of the local profile). Set secrets of your own (docs/security.md).");
        }
    }

    /** The accounts whose password is a demo one, plain or hashed; a malformed list is ApiUsers' to refuse. */
    static List<String> usersWithDemoPasswords(String users) {
        if (users == null || users.isBlank()) {
            return List.of();
        }
        PasswordEncoder encoders = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return ApiUsers.parse(users).stream()
                .filter(user -> demoPassword(user, encoders))
                .map(UserDetails::getUsername)
                .toList();
    }

    private static boolean demoPassword(UserDetails user, PasswordEncoder encoders) {
        String password = user.getPassword();
        if (password.startsWith(NOOP)) {
            String plain = password.substring(NOOP.length());
            return changeMe(plain) || DEMO_PASSWORDS.contains(plain);
        }
        if (!ENCODED.matcher(password).matches()) {
            return false;
        }
        // A hash of a demo password is as public as the password (BCrypt: ~70 ms each, at start only).
        List<String> candidates = new ArrayList<>(DEMO_PASSWORDS);
        candidates.add(CHANGE_ME);
        return candidates.stream().anyMatch(candidate -> matches(encoders, candidate, password));
    }

    private static boolean matches(PasswordEncoder encoders, String candidate, String encoded) {
        try {
            return encoders.matches(candidate, encoded);
        } catch (IllegalArgumentException unknownEncoding) {
            return false;
        }
    }

    private static void refuseChangeMe(Environment environment, String property, List<String> refused) {
        if (changeMe(environment.getProperty(property))) {
            refused.add(variableOf(property));
        }
    }

    static boolean changeMe(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(CHANGE_ME);
    }

    /** waitwell.sms.twilio.auth-token -> WAITWELL_SMS_TWILIO_AUTH_TOKEN, as Spring binds variables. */
    private static String variableOf(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
