package dev.waitwell.api.audit;

import dev.waitwell.api.shared.Paging;
import dev.waitwell.api.shared.ResultPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                INSERT INTO staff_actions (username, action, order_id, sku, reason, details, client_address)
                VALUES (:username, :action, :orderId, :sku, :reason, :details, :clientAddress) RETURNING id""")
                .param("username", action.username())
                .param("action", action.action())
                .param("orderId", action.orderId())
                .param("sku", action.sku())
                .param("reason", action.reason())
                .param("details", action.details())
                .param("clientAddress", action.clientAddress())
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

    /** Every action on the order, oldest first: the order's story, not a search. */
    public List<AuditEntry> onOrder(String orderId) {
        return jdbc.sql("""
                SELECT at, username AS "user", action, order_id, sku, reason, details, client_address FROM staff_actions
                 WHERE order_id = ? ORDER BY at, id""").param(orderId).query(AuditEntry.class).list();
    }

    /** The actions matching every given filter (null: any), newest first. */
    ResultPage<AuditEntry> list(String orderId, String sku, String username, Paging paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        filter(conditions, params, "order_id", "orderId", orderId);
        filter(conditions, params, "sku", "sku", sku);
        filter(conditions, params, "username", "username", username);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM staff_actions" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<AuditEntry> items = jdbc.sql("""
                SELECT at, username AS "user", action, order_id, sku, reason, details, client_address FROM staff_actions""" + where + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query(AuditEntry.class)
                .list();
        return ResultPage.of(items, total, paging);
    }

    private static void filter(
            List<String> conditions, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            conditions.add(column + " = :" + name);
            params.put(name, value);
        }
    }
}
