package dev.waitwell.api.ratelimit;

import java.security.Principal;

/**
 * Tells the shop's checkout account from staff, for the allowance its requests draw on. The security feature knows
 * the roles and provides it ({@code dev.waitwell.api.security.Callers}).
 */
@FunctionalInterface
public interface StorefrontCallers {

    /** Whether {@code caller} is the shop's checkout and nothing else. */
    boolean isStorefront(Principal caller);
}
