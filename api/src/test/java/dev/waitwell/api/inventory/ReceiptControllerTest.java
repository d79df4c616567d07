package dev.waitwell.api.inventory;

import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.stockProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.workflows.inventory.AllocationWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

@ApiTest
class ReceiptControllerTest {

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
    void allocatesAReceiptInPriorityOrderWithAPartialShareAtTheHeadAndTellsTheOrders() throws Exception {
        String sku = backorderProduct();
        String first = backorder(sku, 2);
        String second = backorder(sku, 2);
        String urgent = backorder(sku, 1);
        mvc.perform(postAs(
                        "support", "/admin/v1/orders/{id}/priority", "{\"priority\": 5, \"reason\": \"VIP\"}", urgent))
                .andExpect(status().isOk());

        mvc.perform(receipt(sku, 4, "GRN-1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.reference").value("GRN-1"))
                .andExpect(jsonPath("$.quantity").value(4))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.allocations[*].orderId").value(contains(urgent, first, second)))
                .andExpect(jsonPath("$.allocations[*].quantity").value(contains(1, 2, 1)))
                .andExpect(jsonPath("$.allocations[*].allocatedUnits").value(contains(1, 2, 1)))
                .andExpect(jsonPath("$.allocations[*].orderQuantity").value(contains(1, 2, 2)))
                .andExpect(jsonPath("$.stock.onHand").value(0))
                .andExpect(jsonPath("$.stock.allocated").value(4))
                .andExpect(jsonPath("$.stock.backordered").value(1));

        awaitWorkflow(urgent, "READY_TO_SHIP", 1);
        awaitWorkflow(first, "READY_TO_SHIP", 2);
        awaitWorkflow(second, "AWAITING_STOCK", 1);
        mvc.perform(get("/api/v1/orders/{id}", second).with(httpBasic("ops", "ops")))
                .andExpect(jsonPath("$.allocatedUnits").value(1));
        assertThat(jdbc.sql("SELECT action FROM staff_actions WHERE sku = ? AND action = 'STOCK_RECEIVED'")
                        .param(sku)
                        .query(String.class)
                        .list())
                .hasSize(1);
    }

    @Test
    void answersTheSameReceiptAgainWith200AndAddsNothing() throws Exception {
        String sku = backorderProduct();
        String waiting = backorder(sku, 1);
        String receiptId = JsonPath.read(
                        mvc.perform(receipt(sku, 3, "GRN/2026:7"))
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.receiptId")
                .toString();
        int started = activities.stock.receives();

        mvc.perform(receipt(sku, 3, "GRN/2026:7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.receiptId").value(Long.parseLong(receiptId)))
                .andExpect(jsonPath("$.allocations[0].orderId").value(waiting))
                .andExpect(jsonPath("$.stock.onHand").value(2))
                .andExpect(jsonPath("$.stock.allocated").value(1));
        mvc.perform(receipt(sku, 4, "GRN/2026:7"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RECEIPT_CONFLICT"));

        assertThat(activities.stock.receives()).isEqualTo(started);
        assertThat(jdbc.sql("SELECT on_hand FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aNewReceiptNamesItsLocationWhichSupportCanRead() throws Exception {
        String sku = backorderProduct();
        String waiting = backorder(sku, 2);
        String location = mvc.perform(receipt(sku, 5, "GRN-LOC"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).matches("/admin/v1/receipts/\\d+");

        mvc.perform(get(location).with(httpBasic("support", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.reference").value("GRN-LOC"))
                .andExpect(jsonPath("$.quantity").value(5))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.allocations[0].orderId").value(waiting))
                .andExpect(jsonPath("$.allocations[0].quantity").value(2));
        mvc.perform(get("/admin/v1/receipts/{id}", 987_654_321L).with(httpBasic("ops", "ops")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RECEIPT_NOT_FOUND"));
        mvc.perform(get(location).with(httpBasic("shop", "shop"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/v1/receipts/{id}", "GRN-LOC").with(httpBasic("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("receiptId"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
    }

    @Test
    void receivesAgainstAPurchaseOrderAndRefusesMoreThanItStillExpects() throws Exception {
        String sku = backorderProduct();
        String po = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        purchaseOrder(po, sku, 5, shopToday().plusDays(3))))
                .andExpect(status().isCreated());

        mvc.perform(poReceipt(po, 3, "GRN-A"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.purchaseOrderId").value(po))
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.stock.onHand").value(3));
        mvc.perform(get("/admin/v1/purchase-orders/{id}", po).with(httpBasic("ops", "ops")))
                .andExpect(jsonPath("$.received").value(3))
                .andExpect(jsonPath("$.open").value(2));
        int started = activities.stock.receives();

        mvc.perform(poReceipt(po, 3, "GRN-B"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RECEIPT_EXCEEDS_PURCHASE_ORDER"));
        assertThat(activities.stock.receives()).isEqualTo(started);
        assertNoWorkflow(sku, "GRN-B");
    }

    @Test
    void refusesInvalidOrUnknownReceiptsAndStartsNothing() throws Exception {
        String sku = backorderProduct();
        int started = activities.stock.receives();

        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/products/{sku}/receipts",
                        "{\"quantity\": 0, \"reference\": \"bad ref!\"}",
                        sku))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("quantity", "reference")));
        mvc.perform(postAs("admin", "/admin/v1/products/{sku}/receipts", "{\"quantity\": 2}", sku))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reference"));
        mvc.perform(receipt("NO-SUCH-SKU", 2, "GRN-X"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
        mvc.perform(poReceipt("NO-SUCH-PO", 2, "GRN-X"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PURCHASE_ORDER_NOT_FOUND"));

        assertThat(activities.stock.receives()).isEqualTo(started);
        assertNoWorkflow("NO-SUCH-SKU", "GRN-X");
        assertThat(jdbc.sql("SELECT on_hand FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void letsOnlyAdminsReceiveStock() throws Exception {
        String sku = backorderProduct();
        mvc.perform(post("/admin/v1/products/{sku}/receipts", sku)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quantity\": 1, \"reference\": \"GRN-R\"}"))
                .andExpect(status().isUnauthorized());
        for (String user : List.of("support", "ops", "shop")) {
            mvc.perform(postAs(
                            user,
                            "/admin/v1/products/{sku}/receipts",
                            "{\"quantity\": 1, \"reference\": \"GRN-R\"}",
                            sku))
                    .andExpect(status().isForbidden());
            mvc.perform(postAs(
                            user,
                            "/admin/v1/purchase-orders/{id}/receipts",
                            "{\"quantity\": 1, \"reference\": \"GRN-R\"}",
                            "ANY-PO"))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM stock_receipts WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shipsABackorderFromPurchaseOrderToShipment() throws Exception {
        String sku = backorderProduct();
        String po = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        purchaseOrder(po, sku, 10, shopToday().plusDays(5))))
                .andExpect(status().isCreated());
        String orderId = unique("bo");
        mvc.perform(placeOrder(order(orderId, sku, 2, "PAY_LATER", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"))
                .andExpect(
                        jsonPath("$.promisedDate").value(shopToday().plusDays(7).toString()))
                .andExpect(jsonPath("$.paid").value(0));

        mvc.perform(poReceipt(po, 10, "GRN-S"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations[0].orderId").value(orderId))
                .andExpect(jsonPath("$.allocations[0].quantity").value(2));
        awaitWorkflow(orderId, "READY_TO_SHIP", 2);

        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/shipment",
                        "{\"carrier\": \"UPS\", \"trackingNumber\": \"1Z1\"}",
                        orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SHIPPED"))
                .andExpect(jsonPath("$.paid").value(2_000));
    }

    // ---- helpers

    private String backorderProduct() throws Exception {
        String sku = unique("RCV");
        mvc.perform(putProduct(
                        sku, stockProduct(1_000, true, 30, null, shopToday().plusDays(10))))
                .andExpect(status().isCreated());
        return sku;
    }

    private String backorder(String sku, int quantity) throws Exception {
        String orderId = unique("bo");
        mvc.perform(placeOrder(order(orderId, sku, quantity, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("BACKORDER"));
        return orderId;
    }

    private static RequestBuilder receipt(String sku, int quantity, String reference) {
        return postAs(
                "admin",
                "/admin/v1/products/{sku}/receipts",
                "{\"quantity\": %d, \"reference\": \"%s\"}".formatted(quantity, reference),
                sku);
    }

    private static RequestBuilder poReceipt(String po, int quantity, String reference) {
        return postAs(
                "admin",
                "/admin/v1/purchase-orders/{id}/receipts",
                "{\"quantity\": %d, \"reference\": \"%s\"}".formatted(quantity, reference),
                po);
    }

    private void assertNoWorkflow(String sku, String reference) {
        String workflowId = AllocationWorkflowIds.receipt(sku, reference);
        assertThatThrownBy(
                        () -> workflowClient.newUntypedWorkflowStub(workflowId).describe())
                .as("workflow " + workflowId + " was never started")
                .isInstanceOf(RuntimeException.class);
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
        assertThat(json)
                .as("workflow of " + orderId + ": " + status + " with " + allocatedUnits + " unit(s)")
                .isNull();
    }
}
