package dev.waitwell.api.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param perUserPerMinute limited requests one staff user (an authenticated account) may make per minute
 * @param perStorefrontPerMinute limited requests the shop's checkout (an account with only the STOREFRONT role) may
 *     make per minute: its own allowance, since it places every customer's orders, thousands a minute on a launch
 * @param perOrderPerMinute limited requests on one order per minute by staff, whoever they are; the holder of the
 *     order's link has as many of its own
 * @param perAddressPerMinute requests one client address may make per minute to the customer's endpoints without a
 *     login (the link's forms and decisions), whatever their token
 * @param webhooksPerAddressPerMinute requests one client address may make per minute to Stripe's and Twilio's
 *     webhooks, whatever their signature: a separate and larger allowance, since the providers post from a few
 *     addresses and a release day's status callbacks and replies come by the thousand a minute
 * @param failedLoginsPerUser failed logins one user name may have from one client address per
 *     {@code failedLoginPeriod} before its next attempts from there are refused unchecked
 * @param failedLoginsPerAddress failed logins one client address may have per {@code failedLoginPeriod}
 * @param failedLoginPeriod the time in which the failed-login allowances refill
 */
@ConfigurationProperties("waitwell.rate-limit")
record RateLimitProperties(
        @DefaultValue("3000") int perUserPerMinute,
        @DefaultValue("10") int perOrderPerMinute,
        @DefaultValue("600") int perAddressPerMinute,
        @DefaultValue("10") int failedLoginsPerUser,
        @DefaultValue("30") int failedLoginsPerAddress,
        @DefaultValue("PT5M") Duration failedLoginPeriod,
        @DefaultValue("30000") int webhooksPerAddressPerMinute,
        @DefaultValue("30000") int perStorefrontPerMinute) {

    RateLimitProperties {
        if (perUserPerMinute < 1
                || perStorefrontPerMinute < 1
                || perOrderPerMinute < 1
                || perAddressPerMinute < 1
                || webhooksPerAddressPerMinute < 1) {
            throw new IllegalArgumentException("waitwell.rate-limit.per-user-per-minute, per-storefront-per-minute, "
                    + "per-order-per-minute, per-address-per-minute and webhooks-per-address-per-minute "
                    + "(WAITWELL_RATE_LIMIT_PER_USER_PER_MINUTE, _PER_STOREFRONT_PER_MINUTE, _PER_ORDER_PER_MINUTE, "
                    + "_PER_ADDRESS_PER_MINUTE, _WEBHOOKS_PER_ADDRESS_PER_MINUTE) must be at least 1");
        }
        if (failedLoginsPerUser < 1
                || failedLoginsPerAddress < 1
                || failedLoginPeriod.isNegative()
                || failedLoginPeriod.isZero()) {
            throw new IllegalArgumentException("waitwell.rate-limit.failed-logins-per-user and "
                    + "failed-logins-per-address (WAITWELL_RATE_LIMIT_FAILED_LOGINS_PER_USER, _PER_ADDRESS) must be "
                    + "at least 1 and failed-login-period (WAITWELL_RATE_LIMIT_FAILED_LOGIN_PERIOD) positive");
        }
    }
}
