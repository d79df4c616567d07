package dev.waitwell.api.customer;

import dev.waitwell.messages.Messages;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the page needs besides the order's view: the customer's language and the names of products. */
@Component
class PageFacts {

    private final JdbcClient jdbc;
    private final Messages messages;

    PageFacts(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The order's language as checkout was told it, else the shop's. */
    Locale localeOf(String orderId) {
        String tag = jdbc.sql("SELECT customer_locale FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
        return messages.locales().forCustomer(tag);
    }

    /**
     * The product's name; the sku when the catalogue lost it. Read by sku, not through the order's row: after a
     * switch the workflow's state names the new sku before the row does.
     */
    String productName(String sku) {
        return jdbc.sql("SELECT name FROM products WHERE sku = ?")
                .param(sku)
                .query(String.class)
                .optional()
                .orElse(sku);
    }
}
