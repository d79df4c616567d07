package dev.waitwell.activities.testing;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the API writes at checkout (a product, an order with its {@code order_stock} reservation), inserted
 * with plain SQL so activity tests start where production does. Ids are unique per call.
 */
public final class OrderFixture {

    private final JdbcClient jdbc;

    public OrderFixture(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A pre-order product priced 100.00 USD, released on {@code releaseDate} (null: no date yet). */
    public String product(LocalDate releaseDate) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO products (sku, name, price_minor, currency, release_date, deposit_percent)
                        VALUES (:sku, 'Camera X', 10000, 'USD', :releaseDate, 20)""")
                .param("sku", sku)
                .param("releaseDate", releaseDate)
                .update();
        return sku;
    }

    /** A pre-order of {@code quantity} units, reserved as checkout does (order_stock + products.preordered). */
    public String preorder(String sku, int quantity) {
        String orderId = "o-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan,
                                            payment_method, currency, unit_price_minor, total_minor,
                                            first_payment_minor, customer_id, customer_email, link_expires_at)
                        VALUES (:orderId, 'hash', 'PREORDER', 'AWAITING_RELEASE', :sku, :quantity, 'DEPOSIT',
                                'pm_card_visa', 'USD', 10000, 10000 * :quantity, 2000 * :quantity,
                                'c-1', 'a@b.c', now() + interval '180 days')""")
                .param("orderId", orderId)
                .param("sku", sku)
                .param("quantity", quantity)
                .update();
        jdbc.sql("""
                        INSERT INTO order_stock (order_id, sku, quantity, state)
                        VALUES (:orderId, :sku, :quantity, 'PREORDERED')""")
                .param("orderId", orderId)
                .param("sku", sku)
                .param("quantity", quantity)
                .update();
        jdbc.sql("UPDATE products SET preordered = preordered + :quantity WHERE sku = :sku")
                .param("quantity", quantity)
                .param("sku", sku)
                .update();
        return orderId;
    }

    /** A product and one pre-order of one unit on it. */
    public String preorder() {
        return preorder(product(LocalDate.now().plusDays(30)), 1);
    }
}
