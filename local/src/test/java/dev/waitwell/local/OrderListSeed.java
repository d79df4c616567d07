package dev.waitwell.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A year of orders for the order-list benchmark, written set-based straight into PostgreSQL after the worker's
 * migrations: {@code n} orders ({@code lb-0000001}...) over 500 products ({@code LB-0001}... with a long tail: the
 * first skus sell most) and {@code n / 5} customers (also a long tail: {@code c-1} is the busiest), kinds and
 * statuses spread as a shop has them (old orders shipped or cancelled, recent ones in every state), placed over
 * the last 365 days, backorders and pre-orders promised 10 to 60 days after placement; one more customer, a
 * reseller who placed {@value #RESELLER_ORDERS} orders within the last two days ({@code c-reseller}, counted in
 * {@code n}), whose orders all sit at the end of the list; with each order its units
 * ({@code order_stock}), two timeline events and, unless it pays later, its charge. Seeded with a fixed seed, so
 * every run has the same data.
 */
final class OrderListSeed {

    static final int PRODUCTS = 500;
    static final int RESELLER_ORDERS = 500;

    private static final String PRODUCTS_SQL = """
            INSERT INTO products (sku, name, price_minor, currency, backorders_allowed, backorder_max_wait_days)
            SELECT 'LB-' || lpad(n::text, 4, '0'), 'Benchmark item ' || n, 1000 + n * 10, 'EUR', true, 60
              FROM generate_series(1, %d) AS n""".formatted(PRODUCTS);

    private static final String ORDERS_SQL = """
            WITH drawn AS (
                SELECT i, random() AS rk, random() AS rs, now() - random() * interval '365 days' AS placed_at,
                       1 + floor(power(random(), 2) * %d)::int AS sku_n,
                       1 + floor(power(random(), 2) * greatest(? / 5, 1))::int AS customer_n,
                       1 + floor(random() * 3)::int AS quantity
                  FROM generate_series(1, ?) AS i
            ),
            typed AS (
                SELECT d.*, (1000 + sku_n * 10) AS price,
                       CASE WHEN rk < 0.55 THEN 'IN_STOCK' WHEN rk < 0.90 THEN 'BACKORDER' ELSE 'PREORDER' END AS kind
                  FROM drawn d
            ),
            planned AS (
                SELECT t.*,
                       CASE WHEN kind = 'PREORDER' THEN 'DEPOSIT' WHEN kind = 'BACKORDER' AND rs < 0.3 THEN 'PAY_LATER'
                            ELSE 'FULL' END AS plan,
                       CASE
                           WHEN placed_at < now() - interval '60 days'
                               THEN CASE WHEN rs < 0.9 THEN 'SHIPPED' ELSE 'CANCELLED' END
                           WHEN kind = 'IN_STOCK'
                               THEN CASE WHEN rs < 0.5 THEN 'SHIPPED' WHEN rs < 0.95 THEN 'READY_TO_SHIP'
                                         ELSE 'CANCELLED' END
                           WHEN kind = 'BACKORDER'
                               THEN CASE WHEN rs < 0.55 THEN 'AWAITING_STOCK' WHEN rs < 0.62 THEN 'AWAITING_DECISION'
                                         WHEN rs < 0.65 THEN 'AWAITING_PAYMENT' WHEN rs < 0.80 THEN 'READY_TO_SHIP'
                                         WHEN rs < 0.90 THEN 'SHIPPED' ELSE 'CANCELLED' END
                           ELSE CASE WHEN rs < 0.8 THEN 'AWAITING_RELEASE' WHEN rs < 0.9 THEN 'AWAITING_STOCK'
                                     ELSE 'CANCELLED' END
                       END AS status
                  FROM typed t
            )
            -- workflow_started_at is set: these rows have no workflow and the API's recovery sweep must not start one.
            INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                currency, unit_price_minor, total_minor, first_payment_minor, promised_date,
                                customer_id, customer_name, customer_email, customer_channels, link_expires_at,
                                placed_at, updated_at, workflow_started_at)
            SELECT 'lb-' || lpad(i::text, 7, '0'), 'benchmark', kind, status, 'LB-' || lpad(sku_n::text, 4, '0'),
                   quantity, plan, 'pm_card_visa', 'EUR', price, price * quantity,
                   CASE plan WHEN 'FULL' THEN price * quantity WHEN 'DEPOSIT' THEN price * quantity / 5 ELSE 0 END,
                   CASE WHEN kind = 'IN_STOCK' THEN NULL
                        ELSE (placed_at + (10 + floor(rs * 50)) * interval '1 day')::date END,
                   'c-' || customer_n, 'Customer ' || customer_n, 'customer' || customer_n || '@example.com',
                   '{EMAIL}', placed_at + interval '400 days', placed_at, placed_at, placed_at
              FROM planned""".formatted(PRODUCTS);

    private static final String RESELLER_SQL = """
            INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                currency, unit_price_minor, total_minor, first_payment_minor, customer_id,
                                customer_name, customer_email, customer_channels, link_expires_at, placed_at,
                                updated_at, workflow_started_at)
            SELECT 'lb-r' || lpad(i::text, 6, '0'), 'benchmark', 'IN_STOCK', 'READY_TO_SHIP',
                   'LB-' || lpad((1 + i %% %d)::text, 4, '0'), 1, 'FULL', 'pm_card_visa', 'EUR', 2000, 2000, 2000,
                   'c-reseller', 'Reseller', 'orders@reseller.example', '{EMAIL}', now() + interval '400 days',
                   now() - random() * interval '2 days', now(), now()
              FROM generate_series(1, ?) AS i""".formatted(PRODUCTS);

    private static final String STOCK_SQL = """
            INSERT INTO order_stock (order_id, sku, quantity, state, allocated, returned)
            SELECT order_id, sku, quantity, state,
                   CASE WHEN state IN ('ALLOCATED', 'SHIPPED') THEN quantity ELSE 0 END, 0
              FROM (SELECT o.*, CASE status WHEN 'SHIPPED' THEN 'SHIPPED' WHEN 'CANCELLED' THEN 'RETURNED'
                                            WHEN 'READY_TO_SHIP' THEN 'ALLOCATED'
                                            WHEN 'AWAITING_RELEASE' THEN 'PREORDERED' ELSE 'WAITING' END AS state
                      FROM orders o WHERE o.order_id LIKE 'lb-%') s""";

    private static final String EVENTS_SQL = """
            INSERT INTO order_events (order_id, event_key, at, type, message)
            SELECT order_id, 'order-placed', placed_at, 'ORDER_PLACED', 'Order placed: ' || quantity || ' x ' || sku
              FROM orders WHERE order_id LIKE 'lb-%'
            UNION ALL
            SELECT order_id, 'status-1', placed_at + interval '1 hour', 'STATUS_' || status, 'Now ' || status
              FROM orders WHERE order_id LIKE 'lb-%'""";

    private static final String PAYMENTS_SQL = """
            INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                  payment_method, gateway_reference, created_at)
            SELECT order_id, order_id || '/charge/' || lower(payment_plan) || '-1', 'CHARGE', payment_plan, 'SUCCEEDED',
                   first_payment_minor, currency, payment_method, 'ch_' || order_id, placed_at
              FROM orders WHERE order_id LIKE 'lb-%' AND first_payment_minor > 0""";

    private OrderListSeed() {}

    /** Writes the rows and brings the planner's statistics and the visibility map up to date. */
    static void seed(Connection connection, int orders) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.42)");
            statement.execute(PRODUCTS_SQL);
            int regular = Math.max(0, orders - RESELLER_ORDERS);
            try (PreparedStatement insert = connection.prepareStatement(ORDERS_SQL)) {
                insert.setInt(1, regular);
                insert.setInt(2, regular);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(RESELLER_SQL)) {
                insert.setInt(1, orders - regular);
                insert.executeUpdate();
            }
            statement.execute(STOCK_SQL);
            statement.execute(EVENTS_SQL);
            statement.execute(PAYMENTS_SQL);
            // What autovacuum does after a bulk load anyway; index-only scans need the visibility map it sets.
            for (String table : new String[] {"products", "orders", "order_stock", "order_events", "payments"}) {
                statement.execute("VACUUM ANALYZE " + table);
            }
        }
    }
}
