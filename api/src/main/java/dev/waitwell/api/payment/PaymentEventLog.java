package dev.waitwell.api.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The processor's events as received ({@code payment_events}): each is handled until it has been processed once.
 * An event whose handling failed (Temporal away) stays unprocessed, so that the processor's retry handles it.
 */
@Component
class PaymentEventLog {

    private final JdbcClient jdbc;

    PaymentEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event at its first receipt; whether it still needs handling (not processed yet). */
    boolean toHandle(String eventId, String type) {
        jdbc.sql("INSERT INTO payment_events (event_id, type) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(eventId, type)
                .update();
        return jdbc.sql("SELECT processed_at IS NULL FROM payment_events WHERE event_id = ?")
                .param(eventId)
                .query(Boolean.class)
                .single();
    }

    void processed(String eventId) {
        jdbc.sql("UPDATE payment_events SET processed_at = now() WHERE event_id = ? AND processed_at IS NULL")
                .param(eventId)
                .update();
    }
}
