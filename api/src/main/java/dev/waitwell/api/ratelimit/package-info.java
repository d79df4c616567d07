/**
 * Rate limits on the requests that make the system send messages or move money: per caller (the user, or the
 * client address for the customer's link) and per order, in fixed one-minute windows held in memory. Over the
 * limit is 429 {@code RATE_LIMITED} with {@code Retry-After}, before anything is done; a feature that counts a
 * request itself ({@link dev.waitwell.api.ratelimit.RateLimits}) decides what over the limit means there.
 */
package dev.waitwell.api.ratelimit;
