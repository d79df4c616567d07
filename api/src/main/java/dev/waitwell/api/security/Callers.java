package dev.waitwell.api.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What a caller's roles allow beyond the URL rules of {@link SecurityConfig}. */
public final class Callers {

    private static final Set<String> STAFF =
            Set.of("ROLE_" + Roles.ADMIN, "ROLE_" + Roles.SUPPORT, "ROLE_" + Roles.OPS);

    private Callers() {}

    /**
     * Whether the caller is the shop's checkout and nothing else: the one caller that may see a customer's signed
     * link, to show the customer. An account that also holds a staff role does not: staff never see the token,
     * which acts for the customer.
     */
    public static boolean isStorefrontOnly(Authentication caller) {
        if (caller == null || !caller.isAuthenticated()) {
            return false;
        }
        Set<String> roles = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return roles.contains("ROLE_" + Roles.STOREFRONT) && roles.stream().noneMatch(STAFF::contains);
    }
}
