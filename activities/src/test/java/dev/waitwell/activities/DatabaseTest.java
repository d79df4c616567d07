package dev.waitwell.activities;

import dev.waitwell.activities.testing.OrderFixture;
import dev.waitwell.schema.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Activities against a real, freshly migrated PostgreSQL database, with neither SMTP nor Twilio configured, and
 * payments through the sandbox (set explicitly: there is no default gateway). Subclasses share one context and
 * database; fixtures make unique ids, so tests never see each other's rows. The message sender is off: contexts
 * with other mail settings would otherwise send each other's queued messages ({@code MessageOutboxTest} turns it
 * on).
 */
@SpringBootTest(
        classes = ActivitiesTestApplication.class,
        properties = {"waitwell.payments.gateway=sandbox", "waitwell.messages.outbox.enabled=false"})
public abstract class DatabaseTest {

    @Autowired
    protected DataSource dataSource;

    protected JdbcClient jdbc;
    protected OrderFixture fixture;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    void fixtures() {
        jdbc = JdbcClient.create(dataSource);
        fixture = new OrderFixture(dataSource);
    }
}
