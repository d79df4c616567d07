/**
 * Rate limits on the requests that make the system send messages or move money, and on logins, as token buckets
 * (Bucket4j) kept apart by who asks: staff per user and per order in PostgreSQL, shared by every API instance; the
 * endpoints without a login per client address in each instance's memory; the holder of an order's link per order,
 * once the link checked out; failed logins per user name and per address in memory. Over a limit is 429 {@code
 * RATE_LIMITED} with {@code Retry-After}, before anything is done; a feature that counts a request itself ({@link
 * dev.waitwell.api.ratelimit.RateLimits}) decides what over the limit means there.
 */
package dev.waitwell.api.ratelimit;
