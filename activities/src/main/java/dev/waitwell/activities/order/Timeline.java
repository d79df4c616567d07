package dev.waitwell.activities.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends to an order's timeline ({@code order_events}), once per event key. */
@Component
public class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when the event is new, false when the key was recorded before (a retry) */
    public boolean append(String orderId, String eventKey, String type, String message) {
        return jdbc.sql("""
                        INSERT INTO order_events (order_id, event_key, type, message)
                        VALUES (:orderId, :eventKey, :type, :message)
                        ON CONFLICT (order_id, event_key) DO NOTHING""")
                        .param("orderId", orderId)
                        .param("eventKey", eventKey)
                        .param("type", type)
                        .param("message", message)
                        .update()
                == 1;
    }

    /** A write that found no order row: the order must exist before the workflow writes for it. */
    static void requireOrder(String orderId, int updatedRows) {
        if (updatedRows == 0) {
            throw new IllegalStateException("order " + orderId + " does not exist");
        }
    }
}
