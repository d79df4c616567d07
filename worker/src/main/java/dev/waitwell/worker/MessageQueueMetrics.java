package dev.waitwell.worker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customers' messages waiting for the message sender ({@code message_outbox}), read from PostgreSQL at each
 * scrape: how many are not settled yet, and how long the oldest of them has waited. Both stay near zero while the mail
 * server and Twilio answer; they grow while either refuses or is slow.
 */
@Component
class MessageQueueMetrics implements MeterBinder {

    static final String QUEUED = "waitwell.messages.queued";
    static final String OLDEST = "waitwell.messages.oldest.queued";

    private final JdbcClient jdbc;

    MessageQueueMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(QUEUED, this, MessageQueueMetrics::queued)
                .description("Customers' messages queued and not settled yet (sent, skipped, refused or given up)")
                .register(registry);
        Gauge.builder(OLDEST, this, MessageQueueMetrics::oldestSeconds)
                .description("How long the oldest message not settled yet has been queued")
                .baseUnit("seconds")
                .register(registry);
    }

    private double queued() {
        return jdbc.sql("SELECT count(*) FROM message_outbox WHERE outcome IS NULL")
                .query(Long.class)
                .single();
    }

    private double oldestSeconds() {
        return jdbc.sql("""
                        SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(queued_at)), 0)
                          FROM message_outbox WHERE outcome IS NULL""").query(Double.class).single();
    }
}
