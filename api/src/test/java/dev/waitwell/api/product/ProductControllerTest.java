package dev.waitwell.api.product;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.Fixtures;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.preorder.ProductReleaseWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiTest
class ProductControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void resetActivities() {
        activities.reset();
    }

    @Test
    void keepsTheBackorderRulesAndShowsTheBackorderedUnits() throws Exception {
        String sku = unique("BO");
        LocalDate eta = Fixtures.shopToday().plusDays(9);
        mvc.perform(putProduct(sku, Fixtures.stockProduct(2_500, true, 21, 40, eta)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.backorders.allowed").value(true))
                .andExpect(jsonPath("$.backorders.maxWaitDays").value(21))
                .andExpect(jsonPath("$.backorders.maxQuantity").value(40))
                .andExpect(jsonPath("$.restockEta").value(eta.toString()))
                .andExpect(jsonPath("$.stock.backordered").value(0));
        mvc.perform(placeOrder(order(unique("bo"), sku, 3, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated());

        mvc.perform(get("/admin/v1/products/{sku}", sku).with(httpBasic("ops", "ops")))
                .andExpect(jsonPath("$.stock.backordered").value(3));
        mvc.perform(putProduct(sku, Fixtures.stockProduct(2_500, true, 21, null, eta)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.backorders.maxQuantity").doesNotExist());
        mvc.perform(putProduct(sku, Fixtures.stockProduct(2_500, true, 21, -1, eta)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("backorders.maxQuantity"));
    }

    @Test
    void createsAProductWith201ThenUpdatesItWith200() throws Exception {
        String sku = unique("HP");
        mvc.perform(putProduct(sku, product(12_999, "EUR", inDays(60), 100, 20)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.price").value(12_999))
                .andExpect(jsonPath("$.releaseDate").value(inDays(60).toString()))
                .andExpect(jsonPath("$.preorderCap").value(100))
                .andExpect(jsonPath("$.depositPercent").value(20))
                .andExpect(jsonPath("$.alternatives[0]").value("ALT-1"))
                .andExpect(jsonPath("$.released").value(false))
                .andExpect(jsonPath("$.stock.onHand").value(0))
                .andExpect(jsonPath("$.stock.allocated").value(0))
                .andExpect(jsonPath("$.stock.preordered").value(0));

        mvc.perform(putProduct(sku, product(13_999, "EUR", inDays(90), null, 30)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.price").value(13_999))
                .andExpect(jsonPath("$.preorderCap").doesNotExist())
                .andExpect(jsonPath("$.depositPercent").value(30));

        mvc.perform(get("/admin/v1/products/{sku}", sku).with(httpBasic("support", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.price").value(13_999));
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE sku = ? AND action = 'PRODUCT_UPSERT' "
                                + "AND username = 'admin'")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void refusesInvalidFieldsNamingThemAndWritesNothing() throws Exception {
        String sku = unique("BAD");
        String body = """
                {"name": "", "price": -1, "currency": "eur", "depositPercent": 101, "preorderCap": -2,
                 "alternatives": ["no spaces allowed"]}""";
        mvc.perform(putProduct(sku, body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.type").value("https://waitwell.dev/problems/validation-failed"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "name", "price", "currency", "depositPercent", "preorderCap", "alternatives[0]")));
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesAFractionalPriceInsteadOfTruncatingIt() throws Exception {
        String sku = unique("FLOAT");
        String body = product(0, "EUR", inDays(30), null, 0).replace("\"price\": 0", "\"price\": 499.90");

        mvc.perform(putProduct(sku, body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("price"));
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesAFractionalCountInANestedField() throws Exception {
        String body = product(100, "EUR", inDays(30), null, 0).replace("\"maxWaitDays\": null", "\"maxWaitDays\": 1.5");

        mvc.perform(putProduct(unique("FLOAT"), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("backorders.maxWaitDays"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "XXX", "EURO", "usd"})
    void refusesACurrencyThatIsNoIso4217Code(String currency) throws Exception {
        String sku = unique("CUR");

        mvc.perform(putProduct(sku, product(100, currency, inDays(30), null, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("currency")));
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void acceptsCurrenciesWithAnyNumberOfMinorUnits() throws Exception {
        mvc.perform(putProduct(unique("JPY"), product(1_999, "JPY", inDays(30), null, 0)))
                .andExpect(status().isCreated());
        mvc.perform(putProduct(unique("BHD"), product(1_999, "BHD", inDays(30), null, 0)))
                .andExpect(status().isCreated());
    }

    @Test
    void movesTheReleaseDateOfOpenPreordersAndReviewsTheirPromises() throws Exception {
        String sku = unique("MOVE");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        String orderId = unique("move");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());

        mvc.perform(putProduct(sku, product(2_000, "EUR", inDays(45), null, 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.releaseDate").value(inDays(45).toString()));

        long actionId = jdbc.sql("SELECT max(id) FROM staff_actions WHERE sku = ? AND action = 'PRODUCT_UPSERT'")
                .param(sku)
                .query(Long.class)
                .single();
        String json = awaitOrder(orderId, view -> view.contains("\"decision\":{"));
        assertThat(activities.reviews.reviews())
                .extracting(PromiseReview::reviewId)
                .contains("product-" + sku + "-" + actionId);
        assertThat(JsonPath.<String>read(json, "$.promisedDate"))
                .isEqualTo(inDays(45).toString());
        assertThat(JsonPath.<String>read(json, "$.decision.reason"))
                .isEqualTo("the release date moved to " + inDays(45));
    }

    @Test
    void anUnknownRestockDateReviewsTheBackordersPromisedFromIt() throws Exception {
        String sku = unique("ETA");
        mvc.perform(putProduct(
                        sku,
                        Fixtures.stockProduct(
                                2_500, true, 30, null, Fixtures.shopToday().plusDays(9))))
                .andExpect(status().isCreated());
        String orderId = unique("eta");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(jsonPath("$.promisedDate")
                        .value(Fixtures.shopToday().plusDays(11).toString()));
        String unknown = "{\"expectedDate\": null, \"reason\": \"our supplier cannot give a date\"}";

        mvc.perform(putEta("admin", sku, unknown))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restockEta").isEmpty());
        mvc.perform(putEta("admin", sku, unknown)).andExpect(status().isOk());

        assertThat(jdbc.sql(
                                "SELECT id || ' ' || reason FROM staff_actions WHERE sku = ? AND action = 'PRODUCT_ETA_CHANGED'")
                        .param(sku)
                        .query(String.class)
                        .list())
                .hasSize(1)
                .allMatch(row -> row.endsWith("cannot give a date"));
        long actionId = jdbc.sql("SELECT id FROM staff_actions WHERE sku = ? AND action = 'PRODUCT_ETA_CHANGED'")
                .param(sku)
                .query(Long.class)
                .single();
        String json = awaitOrder(orderId, view -> view.contains("\"decision\":{"));
        assertThat(activities.reviews.reviews())
                .extracting(PromiseReview::reviewId)
                .contains("eta-" + sku + "-" + actionId);
        assertThat((Object) JsonPath.read(json, "$.promisedDate")).isNull();
        assertThat((Object) JsonPath.read(json, "$.decision.newDate")).isNull();
        assertThat(JsonPath.<Boolean>read(json, "$.decision.silenceMeansWait")).isFalse();
    }

    @Test
    void refusesARestockDateWithoutReasonForAnUnknownProductOrFromSupport() throws Exception {
        String sku = unique("ETA");
        mvc.perform(putProduct(sku, Fixtures.stockProduct(2_500, true, 30, null, null)))
                .andExpect(status().isCreated());

        mvc.perform(putEta("admin", sku, "{\"expectedDate\": \"2030-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(putEta("admin", unique("NONE"), "{\"expectedDate\": null, \"reason\": \"x\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
        mvc.perform(putEta("support", sku, "{\"expectedDate\": null, \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
    }

    private static MockHttpServletRequestBuilder putEta(String user, String sku, String body) {
        return put("/admin/v1/products/{sku}/eta", sku)
                .with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private String awaitOrder(String orderId, Predicate<String> until) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String json = null;
        while (Instant.now().isBefore(deadline)) {
            json = mvc.perform(get("/api/v1/orders/{id}", orderId).with(httpBasic("shop", "shop")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (until.test(json)) {
                return json;
            }
            Thread.sleep(100);
        }
        assertThat(json)
                .as("order " + orderId + " never reached the expected state")
                .isNull();
        return json;
    }

    @Test
    void refusesAnInvalidSkuInThePath() throws Exception {
        mvc.perform(putProduct("has space", product(100, "EUR", null, null, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sku"));
    }

    @Test
    void refusesMalformedJson() throws Exception {
        mvc.perform(putProduct(unique("X"), "{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
    }

    @Test
    void refusesACapBelowWhatIsAlreadyPreordered() throws Exception {
        String sku = unique("CAP");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), 10, 0))).andExpect(status().isCreated());
        jdbc.sql("UPDATE products SET preordered = 5 WHERE sku = ?").param(sku).update();

        mvc.perform(putProduct(sku, product(2_000, "EUR", inDays(30), 4, 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PREORDER_CAP_BELOW_PREORDERED"));

        assertThat(jdbc.sql("SELECT price_minor FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isEqualTo(1_000);
    }

    @Test
    void answersAnUnknownProductWith404() throws Exception {
        mvc.perform(get("/admin/v1/products/{sku}", "NOPE-404").with(httpBasic("admin", "admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
    }

    @Test
    void releasesAProductThroughItsWorkflow() throws Exception {
        String sku = unique("REL");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());

        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.workflowId").value(ProductReleaseWorkflowIds.of(sku)));

        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE sku = ? AND action = 'PRODUCT_RELEASE'")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesToReleaseAReleasedProductOrAnUnknownOne() throws Exception {
        String sku = unique("OLD");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(-1), null, 0))).andExpect(status().isCreated());
        jdbc.sql("UPDATE products SET released_at = now() WHERE sku = ?")
                .param(sku)
                .update();

        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PRODUCT_ALREADY_RELEASED"));
        mvc.perform(post("/admin/v1/products/{sku}/release", "NOPE-REL")
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
    }
}
