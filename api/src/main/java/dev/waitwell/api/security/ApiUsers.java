package dev.waitwell.api.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Parses {@code name:password:ROLE[,ROLE];...}. A password may carry a Spring Security encoder prefix
 * ({@code {bcrypt}...}, {@code {noop}...}); one without is taken as plain text.
 */
final class ApiUsers {

    static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.SUPPORT, Roles.OPS, Roles.STOREFRONT);
    private static final Pattern ENCODER_PREFIX = Pattern.compile("^\\{[A-Za-z0-9_-]+}.*");

    private ApiUsers() {}

    static List<UserDetails> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException("No API users are configured. Set WAITWELL_SECURITY_USERS "
                    + "(property waitwell.security.users) to \"name:password:ROLE[,ROLE];...\" with roles "
                    + ROLES + ", or run with the 'local' profile for the demo accounts.");
        }
        List<UserDetails> users = new ArrayList<>();
        for (String entry : spec.split(";")) {
            if (!entry.isBlank()) {
                users.add(parseEntry(entry.trim()));
            }
        }
        return users;
    }

    private static UserDetails parseEntry(String entry) {
        int first = entry.indexOf(':');
        int last = entry.lastIndexOf(':');
        if (first <= 0 || last == first || last == entry.length() - 1) {
            throw new IllegalStateException("waitwell.security.users: expected name:password:ROLE[,ROLE] but got an "
                    + "entry for '" + (first > 0 ? entry.substring(0, first) : "?") + "' that does not match");
        }
        String name = entry.substring(0, first);
        String password = entry.substring(first + 1, last);
        String[] roles = Arrays.stream(entry.substring(last + 1).split(","))
                .map(String::trim)
                .toArray(String[]::new);
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalStateException("waitwell.security.users: unknown role '" + role + "' for user '" + name
                        + "'; roles are " + ROLES);
            }
        }
        if (password.isEmpty()) {
            throw new IllegalStateException("waitwell.security.users: user '" + name + "' has an empty password");
        }
        String encoded = ENCODER_PREFIX.matcher(password).matches() ? password : "{noop}" + password;
        return User.withUsername(name).password(encoded).roles(roles).build();
    }
}
