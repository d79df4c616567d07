package dev.waitwell.api.shared;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail: who did what to which order or product, and why. */
@Component
public class StaffActions {

    private final JdbcClient jdbc;

    StaffActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the action; its id, which names what the action caused (a promise review). */
    public long record(StaffAction action) {
        return jdbc.sql("""
                INSERT INTO staff_actions (username, action, order_id, sku, reason, details)
                VALUES (:username, :action, :orderId, :sku, :reason, :details) RETURNING id""")
                .param("username", action.username())
                .param("action", action.action())
                .param("orderId", action.orderId())
                .param("sku", action.sku())
                .param("reason", action.reason())
                .param("details", action.details())
                .query(Long.class)
                .single();
    }

    /** The id of the latest action of this kind on the product, if any. */
    public Optional<Long> latestOnProduct(String action, String sku) {
        return jdbc.sql("SELECT id FROM staff_actions WHERE action = ? AND sku = ? ORDER BY id DESC LIMIT 1")
                .params(action, sku)
                .query(Long.class)
                .optional();
    }
}
