package dev.waitwell.api.order;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code sms_opt_outs} for an order's customer number (written by the notification feature). */
@Component
class SmsOptOutReader {

    private final JdbcClient jdbc;

    SmsOptOutReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SmsOptOutView of(String orderId) {
        return jdbc.sql("""
                SELECT s.opted_out, s.changed_at, s.source
                  FROM orders o JOIN sms_opt_outs s ON s.phone = o.customer_phone
                 WHERE o.order_id = ?""")
                .param(orderId)
                .query((rs, row) -> new SmsOptOutView(
                        rs.getBoolean("opted_out"),
                        rs.getObject("changed_at", OffsetDateTime.class),
                        rs.getString("source")))
                .optional()
                .orElse(SmsOptOutView.NEVER);
    }
}
