package dev.waitwell.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Token buckets in PostgreSQL ({@code rate_limit_buckets}), shared by every API instance: the limits that protect
 * money. An order's bucket is exact: each request locks its row, reads, writes and commits (one transaction). An
 * account's bucket is hot (the shop's checkout places every order under one account), so each instance keeps its copy
 * and writes back what it took every {@link #USER_SYNC_EVERY} or every 1 % of the allowance, whichever comes first
 * (Bucket4j's delaying optimisation): most checkouts touch no row, and the instances together may overdraw an account
 * by at most that 1 % each. Staff accounts ({@code user:<name>}) and the shop's checkout ({@code storefront:<name>})
 * draw on allowances of their own.
 */
final class SharedBuckets {

    static final String TABLE = "rate_limit_buckets";
    static final Duration USER_SYNC_EVERY = Duration.ofSeconds(1);
    private static final Duration PER = Duration.ofMinutes(1);
    // A row outlives the moment its bucket is full again by this much; then ExpiredRateLimitBuckets removes it.
    private static final Duration KEEP_WHEN_FULL = Duration.ofSeconds(10);
    private static final long USERS_REMEMBERED = 10_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final Account staff;
    private final Account storefront;
    private final BucketConfiguration perOrder;
    private final Cache<String, Bucket> accounts;

    /** An allowance per account of one kind: its key prefix, its configuration, and how its copies write back. */
    private record Account(String prefix, BucketConfiguration perMinute, Optional<DelayOptimization> optimization) {}

    SharedBuckets(
            DataSource dataSource,
            TimeMeter time,
            int perUserPerMinute,
            int perStorefrontPerMinute,
            int perOrderPerMinute) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
                .build();
        this.staff = new Account("user:", perMinute(perUserPerMinute), optimization(perUserPerMinute, time));
        this.storefront = new Account(
                "storefront:", perMinute(perStorefrontPerMinute), optimization(perStorefrontPerMinute, time));
        this.perOrder = perMinute(perOrderPerMinute);
        // An account's copy is kept while it is used: the delaying optimisation's count lives in it.
        this.accounts = Caffeine.newBuilder()
                .maximumSize(USERS_REMEMBERED)
                .expireAfterAccess(PER)
                .build();
    }

    /** Below 100 a minute, 1 % is not a whole request: every request goes to PostgreSQL. */
    private static Optional<DelayOptimization> optimization(int perMinute, TimeMeter time) {
        return perMinute < 100
                ? Optional.empty()
                : Optional.of(new DelayOptimization(
                        new DelayParameters(perMinute / 100, USER_SYNC_EVERY),
                        NopeOptimizationListener.INSTANCE,
                        time));
    }

    /** @return empty when a token was taken from the staff user's bucket, else how long until it has one again */
    Optional<Duration> takeFromUser(String user) {
        return takeFrom(staff, user);
    }

    /** @return empty when a token was taken from the shop's checkout account's bucket, else how long until one */
    Optional<Duration> takeFromStorefront(String user) {
        return takeFrom(storefront, user);
    }

    private Optional<Duration> takeFrom(Account account, String user) {
        String key = account.prefix() + user;
        Bucket bucket = accounts.get(key, id -> {
            RemoteBucketBuilder<String> builder = proxies.builder();
            if (account.optimization().isPresent()) {
                builder = builder.withOptimization(account.optimization().get());
            }
            return builder.build(id, account::perMinute);
        });
        try {
            return waitOf(bucket.tryConsumeAndReturnRemaining(1));
        } catch (RuntimeException e) {
            if (!bucketNotFound(e)) {
                throw e;
            }
            // The delaying optimisation batches concurrent requests, and a batch that finds no row (the first use,
            // or a row removed as full again while this copy lived) fails instead of creating it. Drop the copy and
            // take the token from the row itself, which creates it; the next request builds a new copy.
            accounts.invalidate(key);
            return waitOf(proxies.builder().build(key, account::perMinute).tryConsumeAndReturnRemaining(1));
        }
    }

    private static boolean bucketNotFound(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** @return empty when a token was taken from the key's exact bucket ("order:o-1"), else how long until one */
    Optional<Duration> takeFromOrder(String key) {
        return waitOf(orderBucket(key).tryConsumeAndReturnRemaining(1));
    }

    /** Returns a token taken by a request that a later limit refused. */
    void giveBackToOrder(String key) {
        orderBucket(key).addTokens(1);
    }

    /** Removes up to {@code batch} rows whose bucket is full again; @return how many */
    int removeExpired(int batch) {
        return proxies.removeExpired(batch);
    }

    private Bucket orderBucket(String key) {
        return proxies.builder().build(key, () -> perOrder);
    }

    private static BucketConfiguration perMinute(int tokens) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, PER))
                .build();
    }

    private static Optional<Duration> waitOf(ConsumptionProbe probe) {
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
