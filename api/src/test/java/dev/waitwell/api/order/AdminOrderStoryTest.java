package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.stockProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Support's view of one order: every part of its story with the values and authors the actions left. The mocked
 * worker activities write these orders' timeline, payments and returned units as the real ones do.
 */
@ApiTest
class AdminOrderStoryTest {

    private static final String DETAILS = "/admin/v1/orders/{id}";
    private static final String SLIP_REASON = "the supplier's ship was delayed";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    @AfterEach
    void resetActivities() {
        activities.reset();
    }

    @Test
    void showsAllocationDelayDecisionsPromiseMovesRefundsAndStaffActionsWithTheirAuthors() throws Exception {
        String sku = unique("STORY");
        mvc.perform(putProduct(sku, stockProduct(4_000, true, 60, null, null))).andExpect(status().isCreated());
        String purchaseOrder = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        purchaseOrder(purchaseOrder, sku, 10, shopToday().plusDays(10))))
                .andExpect(status().isCreated());
        String ahead = unique("ahead");
        String story = unique("story");
        activities.writeToDatabase(ahead, story);
        place(ahead, sku, 2);
        String token = place(story, sku, 3);

        // Placed second: one order of 2 units ahead of it
        details(story, "support")
                .andExpect(jsonPath("$.queue.position").value(2))
                .andExpect(jsonPath("$.queue.ordersAhead").value(1))
                .andExpect(jsonPath("$.queue.unitsAhead").value(2))
                .andExpect(jsonPath("$.queue.unitsNeeded").value(3))
                .andExpect(jsonPath("$.paymentTotals.paid").value(12_000))
                .andExpect(jsonPath("$.paymentTotals.netHeld").value(12_000))
                .andExpect(jsonPath("$.allocations").isEmpty())
                .andExpect(jsonPath("$.decisions").isEmpty())
                .andExpect(jsonPath("$.audit").isEmpty());

        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/priority",
                        "{\"priority\": 5, \"reason\": \"VIP customer\"}",
                        story))
                .andExpect(status().isOk());
        details(story, "ops")
                .andExpect(jsonPath("$.queue.position").value(1))
                .andExpect(jsonPath("$.queue.ordersAhead").value(0))
                .andExpect(jsonPath("$.queue.unitsAhead").value(0));

        slip(purchaseOrder);
        awaitOpenDecision(story);
        mvc.perform(post("/c/v1/orders/{id}/decision", story)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"%s\", \"choice\": \"WAIT\"}".formatted(token)))
                .andExpect(status().isOk());

        // Goods in: the order served first (priority 5) takes both units, 1 short of its 3
        String receipt = unique("GRN");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders/{id}/receipts",
                        "{\"quantity\": 2, \"reference\": \"%s\"}".formatted(receipt),
                        purchaseOrder))
                .andExpect(status().isCreated());
        details(story, "admin")
                .andExpect(jsonPath("$.allocations.length()").value(1))
                .andExpect(jsonPath("$.allocations[0].quantity").value(2))
                .andExpect(jsonPath("$.allocations[0].sku").value(sku))
                .andExpect(jsonPath("$.allocations[0].source").value("RECEIPT"))
                .andExpect(jsonPath("$.allocations[0].receiptReference").value(receipt))
                .andExpect(jsonPath("$.allocations[0].purchaseOrderId").value(purchaseOrder))
                .andExpect(jsonPath("$.queue.position").value(1))
                .andExpect(jsonPath("$.queue.unitsNeeded").value(1));

        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/orders/{id}/cancellation",
                        "{\"reason\": \"customer moved abroad\"}",
                        story))
                .andExpect(status().isOk());
        awaitOpenDecision(ahead);
        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/decision",
                        "{\"choice\": \"CANCEL\", \"note\": \"customer called\"}",
                        ahead))
                .andExpect(status().isOk());

        String json = awaitDetails(
                story,
                view -> "CANCELLED".equals(JsonPath.read(view, "$.status"))
                        && !JsonPath.<List<?>>read(view, "$.refunds").isEmpty());
        String charge = story + "/charge/full-1";
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.refunds[0]"))
                .containsAllEntriesOf(Map.of(
                        "amount",
                        12_000,
                        "currency",
                        "EUR",
                        "purpose",
                        "FULL",
                        "reason",
                        "customer moved abroad",
                        "status",
                        "SUCCEEDED",
                        "gatewayReference",
                        "re_" + charge + "/refund",
                        "charge",
                        charge,
                        "chargeGatewayReference",
                        "ch_" + charge));
        assertThat(JsonPath.<List<?>>read(json, "$.refunds")).hasSize(1);
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.paymentTotals"))
                .containsAllEntriesOf(Map.of("paid", 12_000, "refunded", 12_000, "netHeld", 0));
        assertThat(JsonPath.<Object>read(json, "$.queue"))
                .as("its units left the queue")
                .isNull();
        assertThat(JsonPath.<Integer>read(json, "$.allocations[0].quantity")).isEqualTo(2);
        String rewardCode = jdbc.sql("SELECT code FROM reward_codes WHERE order_id = ? AND delay_number = 1")
                .param(story)
                .query(String.class)
                .single();
        assertThat(JsonPath.<List<Map<String, Object>>>read(json, "$.decisions"))
                .singleElement()
                .satisfies(decision -> assertThat(decision)
                        .containsAllEntriesOf(Map.of(
                                "delayNumber",
                                1,
                                "choice",
                                "WAIT",
                                "decidedBy",
                                "customer",
                                "via",
                                "LINK",
                                "rewardCode",
                                rewardCode,
                                "carriedOut",
                                true)))
                .satisfies(decision -> assertThat(decision.get("note")).isNull());
        long dateChange = jdbc.sql("SELECT max(id) FROM purchase_order_date_changes WHERE purchase_order_id = ?")
                .param(purchaseOrder)
                .query(Long.class)
                .single();
        assertThat(JsonPath.<List<Map<String, Object>>>read(json, "$.promiseHistory"))
                .singleElement()
                .satisfies(change -> assertThat(change)
                        .containsAllEntriesOf(Map.of(
                                "previousDate",
                                shopToday().plusDays(12).toString(),
                                "newDate",
                                shopToday().plusDays(22).toString(),
                                "reason",
                                SLIP_REASON,
                                "reviewId",
                                "po-" + purchaseOrder + "-" + dateChange)));
        // The customer's decision through the link is on the trail too, as theirs.
        assertThat(JsonPath.<List<String>>read(json, "$.audit[*].user"))
                .containsExactly("support", "customer", "admin");
        assertThat(JsonPath.<List<String>>read(json, "$.audit[*].action"))
                .containsExactly("ORDER_PRIORITY_CHANGED", "DELAY_DECIDED", "ORDER_CANCELLED");
        assertThat(JsonPath.<List<String>>read(json, "$.audit[*].reason"))
                .containsExactly("VIP customer", null, "customer moved abroad");
        assertThat(JsonPath.<List<String>>read(json, "$.audit[*].clientAddress"))
                .containsExactly(null, "127.0.0.1", null);
        assertThat(JsonPath.<String>read(json, "$.audit[0].details")).isEqualTo("priority 0 -> 5");
        assertThat(JsonPath.<List<String>>read(json, "$.timeline[*].type"))
                .contains("DELAY_DECIDED", "STATUS_CANCELLED");

        String decidedByStaff = awaitDetails(
                ahead,
                view -> "CANCELLED".equals(JsonPath.read(view, "$.status"))
                        && !JsonPath.<List<?>>read(view, "$.refunds").isEmpty());
        assertThat(JsonPath.<List<Map<String, Object>>>read(decidedByStaff, "$.decisions"))
                .singleElement()
                .satisfies(decision -> assertThat(decision)
                        .containsAllEntriesOf(Map.of(
                                "delayNumber",
                                1,
                                "choice",
                                "CANCEL",
                                "decidedBy",
                                "support",
                                "via",
                                "STAFF",
                                "note",
                                "customer called")))
                .satisfies(decision -> assertThat(decision.get("rewardCode")).isNull());
        assertThat(JsonPath.<String>read(decidedByStaff, "$.refunds[0].reason"))
                .isEqualTo("the customer chose to cancel after a delay (" + SLIP_REASON + ")");
        assertThat(JsonPath.<Integer>read(decidedByStaff, "$.refunds[0].amount"))
                .isEqualTo(8_000);
        assertThat(JsonPath.<List<String>>read(decidedByStaff, "$.audit[*].action"))
                .containsExactly("DELAY_DECIDED");
        assertThat(JsonPath.<List<String>>read(decidedByStaff, "$.audit[*].user"))
                .containsExactly("support");
        assertThat(JsonPath.<List<?>>read(decidedByStaff, "$.allocations")).isEmpty();
    }

    @Test
    void answersAProblemDetailForAnUnknownOrder() throws Exception {
        mvc.perform(get(DETAILS, "no-such-order").with(httpBasic("support", "support")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));
    }

    @Test
    void isForSupportOpsAndAdminOnly() throws Exception {
        String sku = unique("ROLES");
        mvc.perform(putProduct(sku, stockProduct(1_000, true, 60, null, null))).andExpect(status().isCreated());
        jdbc.sql("UPDATE products SET on_hand = 5, stock_tracked = true WHERE sku = ?")
                .param(sku)
                .update();
        String orderId = unique("roles");
        place(orderId, sku, 1);

        for (String user : List.of("support", "ops", "admin")) {
            details(orderId, user)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.orderId").value(orderId));
        }
        details(orderId, "shop").andExpect(status().isForbidden());
        mvc.perform(get(DETAILS, orderId)).andExpect(status().isUnauthorized());
    }

    // ---- helpers

    /** Places a FULL order paid by card; returns the token of its customer link. */
    private String place(String orderId, String sku, int quantity) throws Exception {
        String json = mvc.perform(placeOrder(order(orderId, sku, quantity, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return URI.create(JsonPath.read(json, "$.customerUrl")).getRawQuery().substring("token=".length());
    }

    private org.springframework.test.web.servlet.ResultActions details(String orderId, String user) throws Exception {
        return mvc.perform(get(DETAILS, orderId).with(httpBasic(user, user)));
    }

    private void slip(String purchaseOrder) throws Exception {
        mvc.perform(put("/admin/v1/purchase-orders/{id}", purchaseOrder)
                        .with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedDate\": \"%s\", \"reason\": \"%s\"}"
                                .formatted(shopToday().plusDays(20), SLIP_REASON)))
                .andExpect(status().isOk());
    }

    private void awaitOpenDecision(String orderId) throws Exception {
        awaitDetails(orderId, view -> view.contains("\"decision\":{"));
    }

    /** The staff's view of the order once {@code until} holds (within 15 s). */
    private String awaitDetails(String orderId, Predicate<String> until) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String json;
        do {
            json = details(orderId, "support")
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (until.test(json)) {
                return json;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("order " + orderId + " did not get there within 15 s: " + json);
    }
}
