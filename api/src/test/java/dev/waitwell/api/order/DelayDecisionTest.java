package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.workflows.delay.PromiseReview;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiTest
class DelayDecisionTest {

    private static final String PROMISED_LATER = "the supplier's ship was delayed";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerLinks links;

    @Autowired
    TestTemporal.Activities activities;

    @Test
    void aPurchaseOrderSlipStartsAReviewThatPutsTheOrderBeforeItsCustomer() throws Exception {
        Delayed delayed = waitingOrder();

        slip(delayed);

        long changeId = jdbc.sql("SELECT max(id) FROM purchase_order_date_changes WHERE purchase_order_id = ?")
                .param(delayed.purchaseOrderId())
                .query(Long.class)
                .single();
        String json = awaitOrder(delayed.orderId(), view -> view.contains("\"decision\":{"));
        assertThat(activities.reviews.reviews())
                .extracting(PromiseReview::reviewId)
                .contains("po-" + delayed.purchaseOrderId() + "-" + changeId);
        assertThat(JsonPath.<String>read(json, "$.status")).isEqualTo("AWAITING_DECISION");
        assertThat(JsonPath.<String>read(json, "$.promisedDate"))
                .isEqualTo(shopToday().plusDays(22).toString());
        assertThat(JsonPath.<String>read(json, "$.decision.newDate"))
                .isEqualTo(shopToday().plusDays(22).toString());
        assertThat(JsonPath.<String>read(json, "$.decision.reason")).isEqualTo(PROMISED_LATER);
        assertThat(JsonPath.<Boolean>read(json, "$.decision.silenceMeansWait")).isTrue();
        assertThat(JsonPath.<java.util.List<String>>read(json, "$.decision.choices"))
                .containsExactly("WAIT", "SWITCH", "CANCEL");
        assertThat(JsonPath.<String>read(json, "$.decision.alternatives[0].sku"))
                .isEqualTo(delayed.alternativeSku());
        assertThat(JsonPath.<Integer>read(json, "$.decision.alternatives[0].unitPrice"))
                .isEqualTo(5_000);
    }

    @Test
    void supportDecidesToWaitForTheCustomerOnceAndASecondDecisionIsRefused() throws Exception {
        Delayed delayed = delayedOrder();

        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/decision",
                        "{\"choice\": \"WAIT\", \"note\": \"customer called\"}",
                        delayed.orderId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_STOCK"))
                .andExpect(jsonPath("$.decision").isEmpty())
                .andExpect(jsonPath("$.rewardCode", startsWith("WAIT-")));
        mvc.perform(postAs("admin", "/admin/v1/orders/{id}/decision", "{\"choice\": \"CANCEL\"}", delayed.orderId()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DECISION_NOT_OPEN"))
                .andExpect(jsonPath("$.detail", startsWith("Order " + delayed.orderId() + " has no open delay")));

        assertThat(jdbc.sql("SELECT username || ' ' || action || ' ' || reason || ' ' || details FROM staff_actions "
                                + "WHERE order_id = ?")
                        .param(delayed.orderId())
                        .query(String.class)
                        .list())
                .containsExactly("support DELAY_DECIDED customer called WAIT");
        assertThat(jdbc.sql("SELECT count(*) FROM reward_codes WHERE order_id = ?")
                        .param(delayed.orderId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/orders/{id}", delayed.orderId()).with(httpBasic("shop", "shop")))
                .andExpect(jsonPath("$.status").value("AWAITING_STOCK"))
                .andExpect(jsonPath("$.rewardCode", startsWith("WAIT-")));
    }

    @Test
    void theCustomerCancelsWithTheTokenOfTheirLinkAndALateDecisionIsRefused() throws Exception {
        Delayed delayed = delayedOrder();
        String body = "{\"token\": \"%s\", \"choice\": \"%s\"}";

        mvc.perform(customerJson(delayed.orderId(), body.formatted(delayed.token(), "CANCEL")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.refunded").value(4_000));
        mvc.perform(customerJson(delayed.orderId(), body.formatted(delayed.token(), "WAIT")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DECISION_NOT_OPEN"));
    }

    @Test
    void theCustomerSwitchesToAnInStockAlternativeFromThePageAndPaysTheDifference() throws Exception {
        Delayed delayed = delayedOrder();

        String html = mvc.perform(form(
                        delayed.orderId(),
                        "decision",
                        "token",
                        delayed.token(),
                        "choice",
                        "SWITCH",
                        "alternativeSku",
                        delayed.alternativeSku()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // the product's name, not its sku: both products of this test are kettles
        assertThat(html).contains("Thank you", "Your order is now for Nimbus Kettle;");
        mvc.perform(get("/api/v1/orders/{id}", delayed.orderId()).with(httpBasic("shop", "shop")))
                .andExpect(jsonPath("$.sku").value(delayed.alternativeSku()))
                .andExpect(jsonPath("$.total").value(5_000))
                .andExpect(jsonPath("$.paid").value(5_000));
    }

    @Test
    void refusesASwitchToAnAlternativeThatIsNotInStockOrNotOffered() throws Exception {
        Delayed delayed = delayedOrder();
        jdbc.sql("UPDATE products SET on_hand = 0 WHERE sku = ?")
                .param(delayed.alternativeSku())
                .update();

        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/decision",
                        "{\"choice\": \"SWITCH\", \"alternativeSku\": \"%s\"}".formatted(delayed.alternativeSku()),
                        delayed.orderId()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALTERNATIVE_NOT_AVAILABLE"));
        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/decision",
                        "{\"choice\": \"SWITCH\", \"alternativeSku\": \"NOT-LISTED\"}",
                        delayed.orderId()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALTERNATIVE_NOT_AVAILABLE"));
        mvc.perform(postAs("support", "/admin/v1/orders/{id}/decision", "{\"choice\": \"SWITCH\"}", delayed.orderId()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("alternativeSku"));

        awaitOrder(delayed.orderId(), view -> view.contains("\"decision\":{") && view.contains("AWAITING_DECISION"));
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE order_id = ?")
                        .param(delayed.orderId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesATamperedOrExpiredTokenOnThePageAndForEveryDecision() throws Exception {
        Delayed delayed = delayedOrder();
        String tampered = delayed.token().substring(0, delayed.token().length() - 3) + "AAA";
        String expired = links.tokenFor(delayed.orderId(), Instant.now().minusSeconds(60));

        for (String token : new String[] {tampered, expired, ""}) {
            mvc.perform(customerJson(
                            delayed.orderId(),
                            "{\"token\": \"%s\", \"choice\": \"CANCEL\"}".formatted(token.isEmpty() ? "x" : token)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("LINK_INVALID"))
                    .andExpect(jsonPath("$.status").value(403));
            String page = mvc.perform(form(delayed.orderId(), "decision", "token", token, "choice", "CANCEL"))
                    .andExpect(status().isForbidden())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("not valid").doesNotContain(delayed.orderId(), "EUR");
            page = mvc.perform(get("/c/orders/{id}", delayed.orderId()).param("token", token))
                    .andExpect(status().isForbidden())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).doesNotContain(delayed.orderId(), "EUR", "<form");
        }

        awaitOrder(delayed.orderId(), view -> view.contains("\"decision\":{") && view.contains("AWAITING_DECISION"));
    }

    @Test
    void thePageShowsTheChoicesOnlyWhileADecisionIsOpenAndAGetDecidesNothing() throws Exception {
        Delayed waiting = waitingOrder();
        String before = page(waiting);
        assertThat(before).contains("Waiting for stock").doesNotContain("<form", "<button");

        slip(waiting);
        awaitOrder(waiting.orderId(), view -> view.contains("\"decision\":{"));
        String html = page(waiting);

        assertThat(html)
                .contains(
                        "Your order is delayed",
                        "the supplier&#39;s ship was delayed",
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.ENGLISH)
                                .format(shopToday().plusDays(22)),
                        "<form method=\"post\" action=\"/c/orders/" + waiting.orderId() + "/decision\">",
                        "<input type=\"hidden\" name=\"token\" value=\"" + waiting.token() + "\">",
                        "name=\"choice\" value=\"WAIT\"",
                        "name=\"choice\" value=\"CANCEL\"",
                        "name=\"alternativeSku\" value=\"" + waiting.alternativeSku() + "\"",
                        "If we do not hear from you, your order keeps waiting.")
                .doesNotContain("<script", "http://", "https://");
        mvc.perform(get("/c/orders/{id}/decision", waiting.orderId())
                        .param("token", waiting.token())
                        .param("choice", "CANCEL"))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isBetween(400, 499));
        assertThat(page(waiting)).contains("Your order is delayed");
        awaitOrder(waiting.orderId(), view -> view.contains("AWAITING_DECISION"));
    }

    @Test
    void thePageOffersANewPaymentMethodWhenAChargeWasDeclined() throws Exception {
        String sku = unique("DECLINE");
        mvc.perform(putProduct(sku, product(4_000, "[]", 60))).andExpect(status().isCreated());
        jdbc.sql("UPDATE products SET on_hand = 3 WHERE sku = ?").param(sku).update();
        String orderId = unique("declined");
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", TestTemporal.Activities.DECLINING_METHOD)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Delayed order = new Delayed(orderId, null, null, token(json));
        awaitOrder(orderId, view -> view.contains("AWAITING_PAYMENT"));

        assertThat(page(order))
                .contains(
                        "Payment needed",
                        "action=\"/c/orders/" + orderId + "/payment-method\"",
                        "<label for=\"paymentMethod\">");
        String html = mvc.perform(
                        form(orderId, "payment-method", "token", order.token(), "paymentMethod", "pm_card_visa"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("Payment method updated");
        awaitOrder(orderId, view -> view.contains("READY_TO_SHIP"));
    }

    // ---- helpers

    private record Delayed(String orderId, String purchaseOrderId, String alternativeSku, String token) {}

    /** A backorder of 1 x 40.00 EUR promised for today + 12 (a purchase order due in 10 days), with an in-stock alternative at 50.00 EUR. */
    private Delayed waitingOrder() throws Exception {
        String alternative = unique("ALT");
        mvc.perform(putProduct(alternative, product(5_000, "[]", 60))).andExpect(status().isCreated());
        jdbc.sql("UPDATE products SET on_hand = 5, stock_tracked = true WHERE sku = ?")
                .param(alternative)
                .update();
        String sku = unique("SLIP");
        mvc.perform(putProduct(sku, product(4_000, "[\"" + alternative + "\"]", 60)))
                .andExpect(status().isCreated());
        String purchaseOrderId = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        purchaseOrder(purchaseOrderId, sku, 10, shopToday().plusDays(10))))
                .andExpect(status().isCreated());
        String orderId = unique("slip");
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(jsonPath("$.promisedDate")
                        .value(shopToday().plusDays(12).toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Delayed(orderId, purchaseOrderId, alternative, token(json));
    }

    private Delayed delayedOrder() throws Exception {
        Delayed delayed = waitingOrder();
        slip(delayed);
        awaitOrder(delayed.orderId(), view -> view.contains("\"decision\":{"));
        return delayed;
    }

    private void slip(Delayed delayed) throws Exception {
        LocalDate later = shopToday().plusDays(20);
        mvc.perform(put("/admin/v1/purchase-orders/{id}", delayed.purchaseOrderId())
                        .with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedDate\": \"%s\", \"reason\": \"%s\"}".formatted(later, PROMISED_LATER)))
                .andExpect(status().isOk());
    }

    private static String product(long price, String alternatives, int maxWaitDays) {
        return """
                {"name": "Nimbus Kettle", "price": %d, "currency": "EUR", "releaseDate": null, "preorderCap": null,
                 "depositPercent": 0, "backorders": {"allowed": true, "maxWaitDays": %d, "maxQuantity": null},
                 "restockEta": null, "alternatives": %s}""".formatted(price, maxWaitDays, alternatives);
    }

    private static String token(String orderJson) {
        String query = URI.create(JsonPath.read(orderJson, "$.customerUrl")).getRawQuery();
        return query.substring("token=".length());
    }

    private String page(Delayed order) throws Exception {
        return mvc.perform(get("/c/orders/{id}", order.orderId()).param("token", order.token()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder customerJson(String orderId, String body) {
        return post("/c/v1/orders/{id}/decision", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static MockHttpServletRequestBuilder form(String orderId, String action, String... fields) {
        MockHttpServletRequestBuilder request =
                post("/c/orders/{id}/" + action, orderId).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    /** The order as the shop reads it, once {@code until} holds (within 15 s). */
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
}
