package dev.waitwell.api.order;

import dev.waitwell.api.shared.Paging;
import dev.waitwell.api.shared.ResultPage;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staff's order list, straight from PostgreSQL: oldest first, the order id breaking ties so that pages do
 * not overlap. The indexes of migration V5 serve each filter in this order.
 */
@Component
class OrderList {

    private static final String COLUMNS = """
            SELECT order_id, kind, status, sku, quantity, customer_id, customer_email, placed_at, promised_date,
                   total_minor AS total, currency, priority
              FROM orders""";

    private final JdbcClient jdbc;

    OrderList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ResultPage<OrderSummary> find(OrderFilter filter, Paging paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where(conditions, params, "status = :status", "status", filter.status());
        where(conditions, params, "kind = :kind", "kind", filter.kind());
        where(conditions, params, "sku = :sku", "sku", filter.sku());
        where(conditions, params, "(customer_id = :customer OR customer_email = :customer)", "customer",
                filter.customer());
        where(conditions, params, "placed_at >= :placedFrom", "placedFrom",
                filter.placedFrom() == null ? null : Timestamp.from(filter.placedFrom()));
        where(conditions, params, "placed_at < :placedTo", "placedTo",
                filter.placedTo() == null ? null : Timestamp.from(filter.placedTo()));
        where(conditions, params, "promised_date < :promisedBefore", "promisedBefore", filter.promisedBefore());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        long total = jdbc.sql("SELECT count(*) FROM orders" + where).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<OrderSummary> items = jdbc.sql(COLUMNS + where
                        + " ORDER BY placed_at, order_id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(OrderSummary.class)
                .list();
        return ResultPage.of(items, total, paging);
    }

    private static void where(List<String> conditions, Map<String, Object> params, String condition, String name,
            Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
    }
}
