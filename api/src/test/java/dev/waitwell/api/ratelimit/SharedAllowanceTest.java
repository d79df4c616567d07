package dev.waitwell.api.ratelimit;

import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The limits that protect money hold across API instances: two {@link RateLimits} over the one database, as two
 * instances have, share each allowance. Each instance counts the connections it takes, one per transaction.
 */
@RateLimitedApiTest
class SharedAllowanceTest {

    @Autowired
    DataSource database;

    private final MovableTime time = new MovableTime();
    private final CountingDataSource firstDatabase = new CountingDataSource();
    private final CountingDataSource secondDatabase = new CountingDataSource();

    @Test
    void twoInstancesShareAnOrdersAllowance() {
        RateLimits first = instance(firstDatabase, 3_000);
        RateLimits second = instance(secondDatabase, 3_000);
        String order = unique("shared");

        for (int i = 0; i < 6; i++) {
            assertThat(first.acquireForStaff("support", order)).isEmpty();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(second.acquireForStaff("admin", order)).isEmpty();
        }

        assertThat(second.acquireForStaff("admin", order)).contains(Duration.ofSeconds(6));
        assertThat(first.acquireForStaff("support", order)).isPresent();
        time.advance(Duration.ofSeconds(6));
        assertThat(first.acquireForStaff("support", order)).isEmpty();
    }

    @Test
    void twoInstancesShareAUsersAllowance() {
        // below 100 a minute every request goes to PostgreSQL: the count is exact
        RateLimits first = instance(firstDatabase, 50);
        RateLimits second = instance(secondDatabase, 50);
        String user = unique("clerk");

        for (int i = 0; i < 30; i++) {
            assertThat(first.acquireForStaff(user, null)).isEmpty();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(second.acquireForStaff(user, null)).isEmpty();
        }

        assertThat(first.acquireForStaff(user, null)).isPresent();
        assertThat(second.acquireForStaff(user, null)).isPresent();
    }

    @Test
    void checkoutUnderOneAccountGoesToPostgreSQLOnceInThirtyRequests() {
        // the default 3,000 a minute: each instance writes back every 30 requests (1 %)
        RateLimits first = instance(firstDatabase, 3_000);
        RateLimits second = instance(secondDatabase, 3_000);
        String shop = unique("shop");

        // the first request creates the row (a transaction of its own) and reads it
        assertThat(first.acquireForStaff(shop, null)).isEmpty();
        firstDatabase.connections.set(0);
        for (int i = 0; i < 300; i++) {
            assertThat(first.acquireForStaff(shop, null)).isEmpty();
        }
        for (int i = 0; i < 2_699; i++) {
            second.acquireForStaff(shop, null);
        }

        assertThat(firstDatabase.connections.get()).isLessThanOrEqualTo(300 / 30);
        // both instances together never take more than the allowance and what each holds back (1 % each)
        int more = 0;
        while (first.acquireForStaff(shop, null).isEmpty()
                | second.acquireForStaff(shop, null).isEmpty()) {
            more++;
        }
        assertThat(more).isLessThanOrEqualTo(2 * 30);
    }

    @Test
    void theShopsCheckoutDrawsOnAnAllowanceOfItsOwnNotOnTheStaffUsers() {
        RateLimits first = instance(firstDatabase, 50);
        RateLimits second = instance(secondDatabase, 50);
        String account = unique("shop");

        // the staff allowance of the same account name used up
        for (int i = 0; i < 50; i++) {
            assertThat(first.acquireForStaff(account, null)).isEmpty();
        }
        assertThat(first.acquireForStaff(account, null)).isPresent();

        // the checkout's own 60 a minute, shared by both instances, still there in full
        for (int i = 0; i < 30; i++) {
            assertThat(first.acquireForAccount(account, true, null)).isEmpty();
            assertThat(second.acquireForAccount(account, true, null)).isEmpty();
        }
        assertThat(second.acquireForAccount(account, true, null)).isPresent();
        assertThat(second.acquireForStaff(account, null)).isPresent();
    }

    @Test
    void anOrdersRequestIsOneTransaction() {
        RateLimits first = instance(firstDatabase, 50);
        String order = unique("tx");

        // the first request on a bucket creates its row, in a transaction of its own
        first.acquireForStaff("support", order);
        firstDatabase.connections.set(0);

        first.acquireForStaff("support", order);

        // the order's bucket and the user's: one transaction each
        assertThat(firstDatabase.connections.get()).isEqualTo(2);
    }

    @Test
    void aBucketsRowSaysWhenItIsFullAgainSoThatItCanGo() {
        RateLimits first = instance(firstDatabase, 50);
        String order = unique("expiry");
        // Bucket4j writes the expiry in wall-clock time, whatever the buckets' clock
        long before = System.currentTimeMillis();

        first.acquireForStaff("support", order);

        Long expiresAt = new JdbcTemplate(database)
                .queryForObject("SELECT expires_at FROM rate_limit_buckets WHERE id = ?", Long.class, "order:" + order);
        // one token used refills in 6 s; the row is kept 10 s more
        assertThat(expiresAt).isBetween(before + 10_000, before + 60_000);
    }

    @Test
    void checkoutsRacingOnANewOrRemovedUserRowAreAllCountedNoneFails() throws Exception {
        RateLimits first = instance(firstDatabase, 3_000);
        String shop = unique("racing");

        // 16 clients at once on a user nobody has used: the batched requests find no row yet
        assertThat(takeConcurrently(first, shop, 16)).isEqualTo(16);
        // the row removed (full again, swept) while this instance still holds its copy of the bucket
        first.acquireForStaff(shop, null);
        new JdbcTemplate(database).update("DELETE FROM rate_limit_buckets WHERE id = ?", "user:" + shop);
        assertThat(takeConcurrently(first, shop, 16)).isEqualTo(16);
    }

    /** @return how many of {@code clients} concurrent requests were let through (a failure fails the test) */
    private static int takeConcurrently(RateLimits limits, String user, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return limits.acquireForStaff(user, null).isEmpty();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : results) {
                allowed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return allowed;
        } finally {
            pool.shutdownNow();
        }
    }

    private RateLimits instance(DataSource dataSource, int perUserPerMinute) {
        return new RateLimits(
                new RateLimitProperties(perUserPerMinute, 10, 600, 10, 30, Duration.ofMinutes(5), 30_000, 60),
                dataSource,
                time);
    }

    private final class CountingDataSource extends DelegatingDataSource {

        final AtomicInteger connections = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return database.getConnection();
        }
    }
}
