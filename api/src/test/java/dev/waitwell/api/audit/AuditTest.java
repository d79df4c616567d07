package dev.waitwell.api.audit;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.stockProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class AuditTest {

    private static final String AUDIT = "/admin/v1/audit";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsTheAuthorAndReasonOfAPriorityChangeMadeThroughTheApi() throws Exception {
        String sku = unique("AUDIT");
        mvc.perform(putProduct(
                        sku, stockProduct(1_000, true, 30, null, shopToday().plusDays(5))))
                .andExpect(status().isCreated());
        String orderId = unique("audit");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/priority",
                        "{\"priority\": 5, \"reason\": \"customer is a hospital\"}",
                        orderId))
                .andExpect(status().isOk());

        mvc.perform(get(AUDIT).param("orderId", orderId).with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].user").value("support"))
                .andExpect(jsonPath("$.items[0].action").value("ORDER_PRIORITY_CHANGED"))
                .andExpect(jsonPath("$.items[0].orderId").value(orderId))
                .andExpect(jsonPath("$.items[0].reason").value("customer is a hospital"))
                .andExpect(jsonPath("$.items[0].details").value("priority 0 -> 5"))
                .andExpect(jsonPath("$.items[0].at").isNotEmpty());
    }

    @Test
    void recordsTheAuthorAndTheGivenReasonOfProductPurchaseOrderReceiptAndReleaseActions() throws Exception {
        String sku = unique("AUDR");
        mvc.perform(putProduct(sku, withReason(product(5_000, "EUR", inDays(30), null, 0), "spring catalogue")))
                .andExpect(status().isCreated());
        String poId = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        withReason(purchaseOrder(poId, sku, 10, inDays(20)), "launch batch")))
                .andExpect(status().isCreated());
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders/{id}/receipts",
                        "{\"quantity\": 4, \"reference\": \"GRN-1\", \"reason\": \"first pallet\"}",
                        poId))
                .andExpect(status().isCreated());
        mvc.perform(postAs(
                        "admin", "/admin/v1/products/{sku}/release", "{\"reason\": \"supplier shipped early\"}", sku))
                .andExpect(status().isAccepted());

        mvc.perform(get(AUDIT).param("sku", sku).with(httpBasic("support", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].user")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("admin"))))
                .andExpect(jsonPath("$.items[*].action")
                        .value(org.hamcrest.Matchers.contains(
                                "PRODUCT_RELEASE", "STOCK_RECEIVED", "PURCHASE_ORDER_CREATED", "PRODUCT_UPSERT")))
                .andExpect(jsonPath("$.items[*].reason")
                        .value(org.hamcrest.Matchers.contains(
                                "supplier shipped early", "first pallet", "launch batch", "spring catalogue")));
    }

    @Test
    void refusesAReasonLongerThan500Characters() throws Exception {
        String sku = unique("AUDL");
        mvc.perform(putProduct(sku, withReason(product(5_000, "EUR", inDays(30), null, 0), "x".repeat(501))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get("/admin/v1/products/{sku}", sku).with(httpBasic("admin", "admin")))
                .andExpect(status().isNotFound());
    }

    private static String withReason(String json, String reason) {
        return json.replaceFirst("\\{", "{\"reason\": \"" + reason + "\", ");
    }

    @Test
    void listsActionsNewestFirstByUserAndSkuInPages() throws Exception {
        String user = unique("clerk");
        String sku = unique("AUD");
        String other = unique("AUD");
        record(user, "A_FIRST", sku, "2025-01-01T09:00:00Z");
        record(user, "B_THIRD", sku, "2025-01-03T09:00:00Z");
        record(user, "C_SECOND", sku, "2025-01-02T09:00:00Z");
        record(user, "D_OTHER_SKU", other, "2025-01-04T09:00:00Z");
        record("someone-else", "E_OTHER_USER", sku, "2025-01-05T09:00:00Z");

        mvc.perform(get(AUDIT)
                        .param("user", user)
                        .param("sku", sku)
                        .param("size", "2")
                        .with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items[*].action").value(org.hamcrest.Matchers.contains("B_THIRD", "C_SECOND")));
        mvc.perform(get(AUDIT)
                        .param("user", user)
                        .param("sku", sku)
                        .param("size", "2")
                        .param("page", "1")
                        .with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items[*].action").value(org.hamcrest.Matchers.contains("A_FIRST")));
        mvc.perform(get(AUDIT).param("user", user).with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[0].action").value("D_OTHER_SKU"))
                .andExpect(jsonPath("$.items[0].sku").value(other));
    }

    @Test
    void refusesBadPagingAndCallersWithoutAStaffRole() throws Exception {
        mvc.perform(get(AUDIT).param("size", "1000").param("page", "x").with(httpBasic("admin", "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("page", "size")));
        mvc.perform(get(AUDIT)).andExpect(status().isUnauthorized());
        mvc.perform(get(AUDIT).with(httpBasic("shop", "shop")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        for (String user : List.of("admin", "support", "ops")) {
            mvc.perform(get(AUDIT).with(httpBasic(user, user))).andExpect(status().isOk());
        }
    }

    private void record(String user, String action, String sku, String at) {
        jdbc.sql("INSERT INTO staff_actions (at, username, action, sku, reason) VALUES (?, ?, ?, ?, 'test')")
                .params(Timestamp.from(Instant.parse(at)), user, action, sku)
                .update();
    }
}
