package dev.waitwell.api.checkout;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.Fixtures;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Checkout decides PREORDER, IN_STOCK or BACKORDER from the product as it stands, or refuses with a reason. */
@ApiTest
class OrderKindTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient workflowClient;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void resetActivities() {
        activities.reset();
    }

    @Test
    void placesAnInStockOrderAllocatedAtOnceChargedInFullAndReadyToShip() throws Exception {
        String sku = stockProduct(false, null, null, null);
        onHand(sku, 5);
        String orderId = unique("in");

        mvc.perform(placeOrder(order(orderId, sku, 2, "PAY_LATER", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("IN_STOCK"))
                .andExpect(jsonPath("$.status").value("READY_TO_SHIP"))
                .andExpect(jsonPath("$.promisedDate").value(shopToday().toString()))
                .andExpect(jsonPath("$.total").value(2_000))
                .andExpect(jsonPath("$.paid").value(2_000))
                .andExpect(jsonPath("$.allocatedUnits").value(2))
                .andExpect(jsonPath("$.priority").value(0));

        assertThat(stock(sku)).containsExactly(3, 2, 0, 0);
        assertThat(orderStock(orderId)).containsExactly("ALLOCATED", 2);
        PlaceOrderInput input = startInput(orderId);
        assertThat(input.kind()).isEqualTo(OrderKind.IN_STOCK);
        assertThat(input.allocatedAtCheckout()).isEqualTo(2);
        assertThat(input.releaseAt()).isNull();
        assertThat(input.releaseDate()).isNull();
        awaitWorkflow(orderId, "READY_TO_SHIP", 2);
        verify(activities.orders)
                .requestFulfilment(argThat(request -> request.orderId().equals(orderId)));
    }

    @Test
    void defaultsThePaymentPlanToFullWhenANonPreorderLeavesItOut() throws Exception {
        String sku = stockProduct(false, null, null, null);
        onHand(sku, 1);

        mvc.perform(placeOrder(withoutPlan(order(unique("noplan"), sku, 1, "FULL", "pm_card_visa"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("IN_STOCK"))
                .andExpect(jsonPath("$.paymentPlan").value("FULL"))
                .andExpect(jsonPath("$.paid").value(1_000));
    }

    @Test
    void requiresAPaymentPlanForAPreorderAndWritesNothing() throws Exception {
        String sku = unique("PRE");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        String orderId = unique("noplan");

        mvc.perform(placeOrder(withoutPlan(order(orderId, sku, 1, "FULL", "pm_card_visa"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("paymentPlan"));
        assertNothingWritten(orderId, sku, List.of(0, 0, 0, 0));
    }

    @Test
    void promisesABackorderFromItsQueuePositionAgainstTwoPurchaseOrdersPlusTheBuffer() throws Exception {
        String sku = stockProduct(true, 60, null, null);
        createPurchaseOrder(sku, 3, shopToday().plusDays(10));
        createPurchaseOrder(sku, 5, shopToday().plusDays(20));
        String first = unique("bo");
        String second = unique("bo");

        // units 1-2 of the queue: covered by the first purchase order (3 units), + P2D buffer
        mvc.perform(placeOrder(order(first, sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(jsonPath("$.status").value("AWAITING_STOCK"))
                .andExpect(jsonPath("$.promisedDate")
                        .value(shopToday().plusDays(12).toString()))
                .andExpect(jsonPath("$.paid").value(2_000))
                .andExpect(jsonPath("$.allocatedUnits").value(0));
        // units 3-4: the 4th unit is beyond the first purchase order, so the second one covers it
        mvc.perform(placeOrder(order(second, sku, 2, "PAY_LATER", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(jsonPath("$.promisedDate")
                        .value(shopToday().plusDays(22).toString()))
                .andExpect(jsonPath("$.paid").value(0));

        assertThat(stock(sku)).containsExactly(0, 0, 4, 0);
        assertThat(orderStock(first)).containsExactly("WAITING", 0);
        assertThat(jdbc.sql("SELECT type FROM order_events WHERE order_id = ?")
                        .param(second)
                        .query(String.class)
                        .list())
                .containsExactly("ORDER_PLACED");
        PlaceOrderInput input = startInput(second);
        assertThat(input.kind()).isEqualTo(OrderKind.BACKORDER);
        assertThat(input.promisedDate()).isEqualTo(shopToday().plusDays(22));
        assertThat(input.releaseAt()).isNull();
        assertThat(input.allocatedAtCheckout()).isZero();
        awaitWorkflow(second, "AWAITING_STOCK", 0);
    }

    @Test
    void queuesANewOrderBehindWaitingOrdersOfEveryPriorityButNegative() throws Exception {
        String sku = stockProduct(true, 60, null, null);
        createPurchaseOrder(sku, 2, shopToday().plusDays(5));
        createPurchaseOrder(sku, 10, shopToday().plusDays(15));
        String demoted = unique("low");
        mvc.perform(placeOrder(order(demoted, sku, 2, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        jdbc.sql("UPDATE orders SET priority = -1 WHERE order_id = ?")
                .param(demoted)
                .update();

        // the demoted order's 2 units are behind the new order, so the first purchase order still covers it
        mvc.perform(placeOrder(order(unique("bo"), sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(
                        jsonPath("$.promisedDate").value(shopToday().plusDays(7).toString()));
    }

    @Test
    void takesWhatIsOnHandAndQueuesTheRestOfABackorder() throws Exception {
        String sku = stockProduct(true, 30, null, null);
        onHand(sku, 1);
        createPurchaseOrder(sku, 5, shopToday().plusDays(10));
        String orderId = unique("part");

        mvc.perform(placeOrder(order(orderId, sku, 3, "PAY_LATER", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(jsonPath("$.allocatedUnits").value(1))
                .andExpect(jsonPath("$.promisedDate")
                        .value(shopToday().plusDays(12).toString()));

        assertThat(stock(sku)).containsExactly(0, 1, 2, 0);
        assertThat(orderStock(orderId)).containsExactly("WAITING", 1);
        assertThat(startInput(orderId).allocatedAtCheckout()).isEqualTo(1);
        awaitWorkflow(orderId, "AWAITING_STOCK", 1);
    }

    @Test
    void promisesFromTheRestockEtaWhenNoPurchaseOrderCoversTheOrder() throws Exception {
        String sku = stockProduct(true, 30, null, shopToday().plusDays(7));
        createPurchaseOrder(sku, 1, shopToday().plusDays(3));

        mvc.perform(placeOrder(order(unique("eta"), sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(
                        jsonPath("$.promisedDate").value(shopToday().plusDays(9).toString()));
    }

    @Test
    void refusesABackorderWhenTheProductTakesNone() throws Exception {
        String sku = stockProduct(false, 30, null, shopToday().plusDays(3));
        onHand(sku, 1);
        assertRefused(sku, 2, "FULL", "BACKORDERS_NOT_ALLOWED", List.of(1, 0, 0, 0));
    }

    @Test
    void refusesABackorderWhenNoRestockIsInSight() throws Exception {
        // a restock date that has passed without stock promises nothing
        String sku = stockProduct(true, 30, null, shopToday().minusDays(1));
        assertRefused(sku, 1, "FULL", "NO_RESTOCK_IN_SIGHT", List.of(0, 0, 0, 0));
    }

    @Test
    void refusesABackorderWhenTheRestockIsTooLate() throws Exception {
        String sku = stockProduct(true, 30, null, null);
        createPurchaseOrder(sku, 10, shopToday().plusDays(29));

        String orderId = unique("late");
        // 29 days + P2D buffer = 31 days, one more than the 30 the product allows
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RESTOCK_TOO_LATE"))
                .andExpect(jsonPath("$.earliestPromisedDate")
                        .value(shopToday().plusDays(31).toString()));
        assertNothingWritten(orderId, sku, List.of(0, 0, 0, 0));
    }

    @Test
    void refusesABackorderBeyondTheProductsBackorderLimit() throws Exception {
        String sku = stockProduct(true, 30, 3, shopToday().plusDays(5));
        mvc.perform(placeOrder(order(unique("cap"), sku, 2, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated());
        activities.reset();

        assertRefused(sku, 2, "FULL", "BACKORDER_LIMIT_REACHED", List.of(0, 0, 2, 0));
        mvc.perform(placeOrder(order(unique("cap"), sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated());
        assertThat(stock(sku)).containsExactly(0, 0, 3, 0);
    }

    @Test
    void refusesADepositForABackorder() throws Exception {
        String sku = stockProduct(true, 30, null, shopToday().plusDays(5));
        assertRefused(sku, 1, "DEPOSIT", "PAYMENT_PLAN_NOT_OFFERED", List.of(0, 0, 0, 0));
    }

    // ---- helpers

    @Test
    void neverTakesUnitsOnHandWhileOrdersWaitForThem() throws Exception {
        String sku = stockProduct(true, 30, null, Fixtures.shopToday().plusDays(5));
        String first = unique("first");
        mvc.perform(placeOrder(order(first, sku, 2, "FULL", "pm_card_visa")))
                .andExpect(jsonPath("$.kind").value("BACKORDER"));
        // Units back on hand that the next allocation has not served yet belong to the waiting order.
        onHand(sku, 5);

        String later = unique("later");
        mvc.perform(placeOrder(order(later, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(jsonPath("$.allocatedUnits").value(0));
        String partial = unique("partial");
        mvc.perform(placeOrder(order(partial, sku, 9, "FULL", "pm_card_visa")))
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(jsonPath("$.allocatedUnits").value(0));

        assertThat(jdbc.sql("SELECT on_hand || ' ' || allocated || ' ' || backordered FROM products WHERE sku = ?")
                        .param(sku)
                        .query(String.class)
                        .single())
                .isEqualTo("5 0 12");
    }

    private String stockProduct(boolean backorders, Integer maxWaitDays, Integer maxQuantity, LocalDate restockEta)
            throws Exception {
        String sku = unique("STK");
        mvc.perform(putProduct(sku, Fixtures.stockProduct(1_000, backorders, maxWaitDays, maxQuantity, restockEta)))
                .andExpect(status().isCreated());
        return sku;
    }

    private void createPurchaseOrder(String sku, int quantity, LocalDate expected) throws Exception {
        mvc.perform(postAs("admin", "/admin/v1/purchase-orders", purchaseOrder(unique("PO"), sku, quantity, expected)))
                .andExpect(status().isCreated());
    }

    private void onHand(String sku, int units) {
        jdbc.sql("UPDATE products SET on_hand = ?, stock_tracked = true WHERE sku = ?")
                .params(units, sku)
                .update();
    }

    /** Refused with 409 and the code, and nothing written: no order, no units, counters as they were, no charge. */
    private void assertRefused(String sku, int quantity, String plan, String code, List<Integer> counters)
            throws Exception {
        String orderId = unique("no");
        mvc.perform(placeOrder(order(orderId, sku, quantity, plan, "pm_card_visa")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value(code));
        assertNothingWritten(orderId, sku, counters);
    }

    private void assertNothingWritten(String orderId, String sku, List<Integer> counters) {
        for (String table : List.of("orders", "order_stock", "order_events")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE order_id = ?")
                            .param(orderId)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(stock(sku)).as("onHand, allocated, backordered, preordered").isEqualTo(counters);
        verify(activities.payments, never())
                .charge(argThat(charge -> charge.orderId().equals(orderId)));
    }

    private List<Integer> stock(String sku) {
        return jdbc.sql("SELECT on_hand, allocated, backordered, preordered FROM products WHERE sku = ?")
                .param(sku)
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private List<Object> orderStock(String orderId) {
        return jdbc.sql("SELECT state, allocated FROM order_stock WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> List.<Object>of(rs.getString(1), rs.getInt(2)))
                .single();
    }

    /** The input the order's workflow was started with, from its history. */
    private PlaceOrderInput startInput(String orderId) {
        Payloads input = workflowClient
                .fetchHistory(OrderWorkflowIds.of(orderId))
                .getHistory()
                .getEvents(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getInput();
        return DefaultDataConverter.newDefaultInstance()
                .fromPayloads(0, Optional.of(input), PlaceOrderInput.class, PlaceOrderInput.class);
    }

    private void awaitWorkflow(String orderId, String status, int allocatedUnits) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String json = null;
        while (Instant.now().isBefore(deadline)) {
            json = mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("admin", "admin")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (status.equals(JsonPath.read(json, "$.workflow.status"))
                    && JsonPath.<Integer>read(json, "$.workflow.allocatedUnits") == allocatedUnits) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(json).as("workflow of " + orderId).contains("\"status\":\"" + status + "\"");
    }

    private static String withoutPlan(String body) {
        return body.replaceAll("\"paymentPlan\": \"[A-Z_]+\", ", "");
    }
}
