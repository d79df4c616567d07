package dev.waitwell.api.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail: who did what to which order or product, and why. */
@Component
public class StaffActions {

    private final JdbcClient jdbc;

    StaffActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(StaffAction action) {
        jdbc.sql("""
                INSERT INTO staff_actions (username, action, order_id, sku, reason, details)
                VALUES (:username, :action, :orderId, :sku, :reason, :details)""")
                .param("username", action.username())
                .param("action", action.action())
                .param("orderId", action.orderId())
                .param("sku", action.sku())
                .param("reason", action.reason())
                .param("details", action.details())
                .update();
    }
}
