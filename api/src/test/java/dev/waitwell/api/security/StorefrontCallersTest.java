package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.api.ratelimit.StorefrontCallers;
import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** Which callers the rate limits count against the shop's checkout allowance rather than a staff user's. */
class StorefrontCallersTest {

    private final StorefrontCallers storefronts = new SecurityConfig().storefrontCallers();

    @Test
    void theShopsCheckoutAccountDrawsOnTheCheckoutAllowance() {
        assertThat(storefronts.isStorefront(caller("ROLE_STOREFRONT"))).isTrue();
    }

    @Test
    void staffDrawOnTheirOwnEvenWhenTheyMayAlsoPlaceOrders() {
        assertThat(storefronts.isStorefront(caller("ROLE_SUPPORT"))).isFalse();
        assertThat(storefronts.isStorefront(caller("ROLE_ADMIN", "ROLE_STOREFRONT")))
                .isFalse();
        assertThat(storefronts.isStorefront(() -> "not-an-authentication")).isFalse();
    }

    private static Principal caller(String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, AuthorityUtils.createAuthorityList(roles));
    }
}
