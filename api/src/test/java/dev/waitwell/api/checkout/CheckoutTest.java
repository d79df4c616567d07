package dev.waitwell.api.checkout;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@ApiTest
class CheckoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void resetActivities() {
        activities.reset();
    }

    @Test
    void placesAFullyPaidPreorderAndStartsItsWorkflow() throws Exception {
        String sku = preorderProduct(12_999, null, 20);
        String orderId = unique("o");

        mvc.perform(placeOrder(order(orderId, sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/orders/" + orderId))
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.kind").value("PREORDER"))
                .andExpect(jsonPath("$.status").value("AWAITING_RELEASE"))
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.quantity").value(2))
                .andExpect(jsonPath("$.paymentPlan").value("FULL"))
                .andExpect(jsonPath("$.promisedDate").value(inDays(60).toString()))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.total").value(25_998))
                .andExpect(jsonPath("$.paid").value(25_998))
                .andExpect(jsonPath("$.refunded").value(0))
                .andExpect(
                        jsonPath("$.customerUrl", startsWith("https://shop.example/c/orders/" + orderId + "?token=")));

        assertThat(count("orders", orderId)).isEqualTo(1);
        assertThat(count("order_stock", orderId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT type FROM order_events WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("ORDER_PLACED");
        assertThat(preordered(sku)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT first_payment_minor FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(25_998);
    }

    @Test
    void takesTheDepositRoundedHalfUpToTheMinorUnit() throws Exception {
        String sku = preorderProduct(999, null, 20);
        String orderId = unique("dep");

        // 20% of 999 is 199.8, which rounds to 200
        mvc.perform(placeOrder(order(orderId, sku, 1, "DEPOSIT", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(999))
                .andExpect(jsonPath("$.paid").value(200));
        assertThat(jdbc.sql("SELECT first_payment_minor FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
    }

    @Test
    void chargesNothingAtCheckoutForPayLater() throws Exception {
        String sku = preorderProduct(5_000, null, 20);

        String orderId = unique("pl");
        mvc.perform(placeOrder(order(orderId, sku, 3, "PAY_LATER", "pm_card_mastercard")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(15_000))
                .andExpect(jsonPath("$.paid").value(0));
        verify(activities.payments, never())
                .charge(argThat(charge -> charge.orderId().equals(orderId)));
    }

    @Test
    void answersTheSameRequestAgainWith200AndTheSameOrderWithoutASecondCharge() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String orderId = unique("twice");
        String body = order(orderId, sku, 1, "FULL", "pm_card_visa");

        mvc.perform(placeOrder(body)).andExpect(status().isCreated());
        mvc.perform(placeOrder(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.paid").value(1_000));

        assertThat(count("orders", orderId)).isEqualTo(1);
        assertThat(preordered(sku)).isEqualTo(1);
        verify(activities.payments, times(1))
                .charge(argThat(charge -> charge.orderId().equals(orderId)));
    }

    @Test
    void refusesTheSameOrderIdWithADifferentBody() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String orderId = unique("clash");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());

        mvc.perform(placeOrder(order(orderId, sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_ID_CONFLICT"));
        assertThat(preordered(sku)).isEqualTo(1);
    }

    @Test
    void refusesInvalidFieldsNamingThemAndWritesNothing() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String body = """
                {"orderId": "bad id!", "customer": {"id": "", "email": "not-an-email", "phone": "0044 20",
                 "channels": ["EMAIL"]}, "sku": "%s", "quantity": 0, "paymentPlan": "FULL", "paymentMethod": ""}""".formatted(sku);

        mvc.perform(placeOrder(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "orderId",
                                "customer.id",
                                "customer.email",
                                "customer.phone",
                                "quantity",
                                "paymentMethod")));
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(preordered(sku)).isZero();
    }

    @Test
    void requiresTheAddressOfEveryChosenChannel() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String body = """
                {"orderId": "%s", "customer": {"id": "c-2", "channels": ["EMAIL", "SMS"]}, "sku": "%s",
                 "quantity": 1, "paymentPlan": "FULL", "paymentMethod": "pm_card_visa"}""".formatted(unique("ch"), sku);

        mvc.perform(placeOrder(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("customer.email", "customer.phone")));
    }

    @Test
    void namesAFieldWithAValueOfTheWrongType() throws Exception {
        String body = order(unique("enum"), "ANY", 1, "SOMETIME", "pm_card_visa");

        mvc.perform(placeOrder(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("paymentPlan"));
    }

    @Test
    void refusesAFractionalQuantityInsteadOfTruncatingIt() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String orderId = unique("frac");
        String body = order(orderId, sku, 1, "FULL", "pm_card_visa").replace("\"quantity\": 1", "\"quantity\": 1.5");

        mvc.perform(placeOrder(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        assertThat(count("orders", orderId)).isZero();
        assertThat(preordered(sku)).isZero();
    }

    @Test
    void decidesTheKindFromTheProductAsAReleaseCommittedWhileCheckoutWaitedLeftIt() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String orderId = unique("race");
        MvcResult result;
        try (Connection release = dataSource.getConnection()) {
            release.setAutoCommit(false);
            try (PreparedStatement released =
                    release.prepareStatement("UPDATE products SET released_at = now() WHERE sku = ?")) {
                released.setString(1, sku);
                released.executeUpdate();
            }
            // Checkout waits for the release's lock on the product row, then decides from the released row.
            CompletableFuture<MvcResult> checkout =
                    CompletableFuture.supplyAsync(() -> perform(order(orderId, sku, 1, "FULL", "pm_card_visa")));
            assertThat(reservationWaitsForALock())
                    .as("checkout blocked on the product row")
                    .isTrue();
            release.commit();
            result = checkout.get(30, TimeUnit.SECONDS);
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.code"))
                .isEqualTo("BACKORDERS_NOT_ALLOWED");
        assertThat(count("orders", orderId)).isZero();
        assertThat(preordered(sku)).isZero();
    }

    @Test
    void keepsTheCustomerLinkValidPastAReleaseMonthsAway() throws Exception {
        String sku = unique("FAR");
        LocalDate release = inDays(210);
        mvc.perform(putProduct(sku, product(1_000, "EUR", release, null, 0))).andExpect(status().isCreated());
        String orderId = unique("far");

        String url = JsonPath.read(
                mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.customerUrl");

        // test configuration: zone Europe/Berlin, links.ttl P180D (default), policy.payment-grace P7D (default)
        Instant expected = release.atStartOfDay(ZoneId.of("Europe/Berlin"))
                .toInstant()
                .plus(Duration.ofDays(180))
                .plus(Duration.ofDays(7));
        assertThat(jdbc.sql("SELECT link_expires_at FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(expected);
        assertThat(url).contains("?token=" + expected.getEpochSecond() + ".");
    }

    @Test
    void keepsTheCustomersLanguageWithoutExtensionsWithTheOrderAndItsWorkflowAndTakesAnUnreadableOneAsNone()
            throws Exception {
        String sku = preorderProduct(12_999, null, 20);
        String german = unique("o");
        String unreadable = unique("o");
        String tooLong = unique("o");

        mvc.perform(placeOrder(withLocale(order(german, sku, 1, "FULL", "pm_card_visa"), "de-DE-u-nu-arab")))
                .andExpect(status().isCreated());
        mvc.perform(placeOrder(withLocale(order(unreadable, sku, 1, "FULL", "pm_card_visa"), "not a tag!")))
                .andExpect(status().isCreated());
        mvc.perform(placeOrder(withLocale(order(tooLong, sku, 1, "FULL", "pm_card_visa"), "de-" + "x".repeat(40))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer.locale"));

        assertThat(jdbc.sql("SELECT customer_locale FROM orders WHERE order_id = ?")
                        .param(german)
                        .query(String.class)
                        .single())
                .isEqualTo("de-DE");
        assertThat(jdbc.sql("SELECT workflow_input -> 'customer' ->> 'locale' FROM orders WHERE order_id = ?")
                        .param(german)
                        .query(String.class)
                        .single())
                .as("the workflow's input, from which every message is written")
                .isEqualTo("de-DE");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_id = ? AND customer_locale IS NULL")
                        .param(unreadable)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(count("orders", tooLong)).isZero();
    }

    private static String withLocale(String checkout, String locale) {
        return checkout.replace(
                "\"channels\": [\"EMAIL\", \"SMS\"]}",
                "\"channels\": [\"EMAIL\", \"SMS\"], \"locale\": \"" + locale + "\"}");
    }

    @Test
    void answersAnUnknownSkuWith404() throws Exception {
        String orderId = unique("nosku");
        mvc.perform(placeOrder(order(orderId, "NO-SUCH-SKU", 1, "FULL", "pm_card_visa")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
        assertThat(count("orders", orderId)).isZero();
    }

    @Test
    void treatsAProductWhoseReleaseDateHasPassedAsStockNotAPreorder() throws Exception {
        String sku = unique("PAST");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(-1), null, 0))).andExpect(status().isCreated());
        String orderId = unique("past");

        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("BACKORDERS_NOT_ALLOWED"))
                .andExpect(jsonPath("$.detail", containsString("does not take backorders")));
        assertThat(count("orders", orderId)).isZero();
    }

    @Test
    void treatsAProductReleasedEarlyAsStockNotAPreorder() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        jdbc.sql("UPDATE products SET released_at = now() WHERE sku = ?")
                .param(sku)
                .update();

        mvc.perform(placeOrder(order(unique("early"), sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("BACKORDERS_NOT_ALLOWED"));
    }

    @Test
    void refusesOrdersBeyondTheCapAndKeepsTheCounters() throws Exception {
        String sku = preorderProduct(1_000, 3, 0);
        mvc.perform(placeOrder(order(unique("cap"), sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated());
        String refused = unique("cap");

        mvc.perform(placeOrder(order(refused, sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PREORDER_CAP_REACHED"));

        assertThat(preordered(sku)).isEqualTo(2);
        assertThat(count("orders", refused)).isZero();
        mvc.perform(placeOrder(order(unique("cap"), sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated());
        assertThat(preordered(sku)).isEqualTo(3);
    }

    @Test
    void refusesAnUnknownPaymentMethodAndWritesNothing() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String orderId = unique("pm");

        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_unknown")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PAYMENT_METHOD_UNKNOWN"));
        assertThat(count("orders", orderId)).isZero();
        assertThat(preordered(sku)).isZero();
    }

    @Test
    void letsOnlyTheStorefrontAndAdminsPlaceOrders() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        mvc.perform(post("/api/v1/orders")
                        .with(httpBasic("support", "support"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(unique("role"), sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsTheOrderWithItsTimelineToAnyRole() throws Exception {
        String sku = preorderProduct(1_000, null, 0);
        String orderId = unique("read");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/orders/{id}", orderId).with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.status").value("AWAITING_RELEASE"))
                .andExpect(jsonPath("$.timeline[0].type").value("ORDER_PLACED"))
                .andExpect(jsonPath("$.timeline[0].at").exists())
                .andExpect(jsonPath("$.notifications").isArray());
        mvc.perform(get("/api/v1/orders/{id}", "no-such-order").with(httpBasic("ops", "ops")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));
    }

    private String preorderProduct(long price, Integer cap, int depositPercent) throws Exception {
        String sku = unique("PRE");
        LocalDate release = inDays(60);
        mvc.perform(putProduct(sku, product(price, "EUR", release, cap, depositPercent)))
                .andExpect(status().isCreated());
        return sku;
    }

    private MvcResult perform(String body) {
        try {
            return mvc.perform(placeOrder(body)).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** True once checkout waits for the product row's lock, within ten seconds. */
    private boolean reservationWaitsForALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long waiting = jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock'
                       AND query LIKE '%FROM products WHERE sku = $1 FOR UPDATE'""").query(Long.class).single();
            if (waiting > 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private long count(String table, String orderId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private int preordered(String sku) {
        return jdbc.sql("SELECT preordered FROM products WHERE sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
    }
}
