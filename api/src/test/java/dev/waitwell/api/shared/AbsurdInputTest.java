package dev.waitwell.api.shared;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.stockProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** Hostile or mistaken callers: absurd quantities, prices and lists are refused and write nothing. */
@ApiTest
class AbsurdInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTemporal.Activities activities;

    @Test
    void refusesAPreorderOfIntMaxUnitsAndLeavesTheProductsCountersAsTheyWere() throws Exception {
        String sku = preorderProduct(10_000);
        String orderId = unique("absurd");

        mvc.perform(placeOrder(order(orderId, sku, Integer.MAX_VALUE, "FULL", "pm_card_visa")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 1000 units per order"));
        mvc.perform(placeOrder(order(unique("absurd"), sku, 1_001, "FULL", "pm_card_visa")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));

        assertThat(orders(sku)).isZero();
        assertThat(counters(sku)).isEqualTo("preordered=0 backordered=0 on_hand=0 allocated=0");
        // The most one order may hold is still taken, and the next customer is served as before.
        mvc.perform(placeOrder(order(orderId, sku, 1_000, "PAY_LATER", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(10_000_000));
        mvc.perform(placeOrder(order(unique("next"), sku, 1, "PAY_LATER", "pm_card_visa")))
                .andExpect(status().isCreated());
        assertThat(counters(sku)).isEqualTo("preordered=1001 backordered=0 on_hand=0 allocated=0");
    }

    @Test
    void refusesCheckoutOfAProductPricedBeyondTheCapBeforeTheSchemaCappedIt() throws Exception {
        String sku = preorderProduct(10_000);
        // A price taken before V21, whose constraints check new rows only: written with the check set aside.
        jdbc.sql("ALTER TABLE products DROP CONSTRAINT price_within_bound").update();
        try {
            jdbc.sql("UPDATE products SET price_minor = ? WHERE sku = ?")
                    .params(Long.MAX_VALUE - 1, sku)
                    .update();
        } finally {
            jdbc.sql(
                            "ALTER TABLE products ADD CONSTRAINT price_within_bound CHECK (price_minor <= 100000000) NOT VALID")
                    .update();
        }

        mvc.perform(placeOrder(order(unique("absurd"), sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("sku"));

        assertThat(orders(sku)).isZero();
        assertThat(counters(sku)).isEqualTo("preordered=0 backordered=0 on_hand=0 allocated=0");
    }

    @Test
    void refusesAnOrderThatWouldTakeTheProductsOrderedUnitsPastTheStockCap() throws Exception {
        String sku = preorderProduct(100);
        jdbc.sql("UPDATE products SET preordered = 9999999 WHERE sku = ?")
                .param(sku)
                .update();

        mvc.perform(placeOrder(order(unique("full"), sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STOCK_LIMIT_EXCEEDED"));

        assertThat(orders(sku)).isZero();
        assertThat(counters(sku)).isEqualTo("preordered=9999999 backordered=0 on_hand=0 allocated=0");
    }

    @Test
    void refusesAPriceNearLongMaxValueAndAnyAboveAMillionInMajorUnits() throws Exception {
        String sku = unique("PRICEY");

        for (long price : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 1, 100_000_001L, -1L}) {
            mvc.perform(putProduct(sku, product(price, "USD", inDays(60), null, 0)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("price"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(putProduct(sku, product(100_000_000L, "USD", inDays(60), null, 0)))
                .andExpect(status().isCreated());
    }

    @Test
    void refusesCapsBeyondTheStockCapAndMoreThanTwentyAlternatives() throws Exception {
        String sku = unique("CAPS");
        String alternatives = String.join(",", Collections.nCopies(21, "\"ALT-1\""));
        String body = """
                {"name": "Caps", "price": 100, "currency": "EUR", "releaseDate": null, "preorderCap": 10000001,
                 "depositPercent": 0, "backorders": {"allowed": true, "maxWaitDays": 2147483647,
                 "maxQuantity": 2147483647}, "restockEta": null, "alternatives": [%s]}""".formatted(alternatives);

        mvc.perform(putProduct(sku, body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.detail",
                        containsString("alternatives, backorders.maxQuantity, backorders.maxWaitDays, preorderCap")));
    }

    @Test
    void refusesReceiptsAndPurchaseOrdersOfMoreThanAMillionUnits() throws Exception {
        String sku = backorderProduct();
        int started = activities.stock.receives();

        mvc.perform(receipt(sku, Integer.MAX_VALUE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        mvc.perform(receipt(sku, 1_000_001))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        purchaseOrder(unique("PO"), sku, Integer.MAX_VALUE, inDays(10))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));

        assertThat(activities.stock.receives()).isEqualTo(started);
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_orders WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(counters(sku)).isEqualTo("preordered=0 backordered=0 on_hand=0 allocated=0");
    }

    @Test
    void refusesAReceiptThatWouldHoldMoreThanTheStockCapAndWritesNothing() throws Exception {
        String sku = backorderProduct();
        jdbc.sql("UPDATE products SET on_hand = 9999999 WHERE sku = ?")
                .param(sku)
                .update();
        int started = activities.stock.receives();

        mvc.perform(receipt(sku, 2))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STOCK_LIMIT_EXCEEDED"));

        assertThat(activities.stock.receives()).isEqualTo(started);
        assertThat(jdbc.sql("SELECT count(*) FROM stock_receipts WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(counters(sku)).isEqualTo("preordered=0 backordered=0 on_hand=9999999 allocated=0");
        mvc.perform(receipt(sku, 1)).andExpect(status().isCreated());
    }

    @Test
    void refusesARepeatedChannelNamingTheField() throws Exception {
        String sku = preorderProduct(1_000);
        String body = """
                {"orderId": "%s", "customer": {"id": "c-1", "email": "ada@example.com",
                 "channels": ["EMAIL", "EMAIL"]}, "sku": "%s", "quantity": 1, "paymentPlan": "FULL",
                 "paymentMethod": "pm_card_visa"}""".formatted(unique("dup"), sku);

        mvc.perform(placeOrder(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer.channels"))
                .andExpect(jsonPath("$.errors[0].message").value("must not repeat a channel"));
        assertThat(orders(sku)).isZero();
    }

    @Test
    void refusesAHundredThousandChannelsAsTooLargeBeforeReadingThem() throws Exception {
        String sku = preorderProduct(1_000);
        String channels = String.join(",", Collections.nCopies(100_000, "\"EMAIL\""));
        String body = """
                {"orderId": "%s", "customer": {"id": "c-1", "email": "ada@example.com", "channels": [%s]},
                 "sku": "%s", "quantity": 1, "paymentPlan": "FULL", "paymentMethod": "pm_card_visa"}""".formatted(unique("many"), channels, sku);

        mvc.perform(placeOrder(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
        assertThat(orders(sku)).isZero();
    }

    @Test
    void refusesThreeChannelsEvenInASmallBody() throws Exception {
        String sku = preorderProduct(1_000);
        String body = """
                {"orderId": "%s", "customer": {"id": "c-1", "email": "ada@example.com", "phone": "+14155550123",
                 "channels": ["EMAIL", "SMS", "EMAIL"]}, "sku": "%s", "quantity": 1, "paymentPlan": "FULL",
                 "paymentMethod": "pm_card_visa"}""".formatted(unique("three"), sku);

        mvc.perform(placeOrder(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(everyItem(equalTo("customer.channels"))));
        assertThat(orders(sku)).isZero();
    }

    private String preorderProduct(long price) throws Exception {
        String sku = unique("ABS");
        mvc.perform(putProduct(sku, product(price, "EUR", inDays(60), null, 0))).andExpect(status().isCreated());
        return sku;
    }

    private String backorderProduct() throws Exception {
        String sku = unique("ABS");
        mvc.perform(putProduct(sku, stockProduct(1_000, true, 30, null, null))).andExpect(status().isCreated());
        return sku;
    }

    private static RequestBuilder receipt(String sku, int quantity) {
        return postAs(
                "admin",
                "/admin/v1/products/{sku}/receipts",
                "{\"quantity\": %d, \"reference\": \"%s\"}".formatted(quantity, unique("GRN")),
                sku);
    }

    private long orders(String sku) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE sku = ?")
                .param(sku)
                .query(Long.class)
                .single();
    }

    private String counters(String sku) {
        return jdbc.sql("""
                        SELECT 'preordered=' || preordered || ' backordered=' || backordered || ' on_hand=' || on_hand
                               || ' allocated=' || allocated
                          FROM products WHERE sku = ?""").param(sku).query(String.class).single();
    }
}
