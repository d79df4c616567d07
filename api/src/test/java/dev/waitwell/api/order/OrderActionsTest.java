package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ApiTest
class OrderActionsTest {

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
    void cancelsAnOpenOrderAndRefundsWhatWasPaid() throws Exception {
        String orderId = placed("FULL", "pm_card_visa");

        action("support", "/admin/v1/orders/{id}/cancellation", orderId, "{\"reason\": \"customer asked\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.paid").value(2_000))
                .andExpect(jsonPath("$.refunded").value(2_000));

        assertThat(jdbc.sql("SELECT username || ':' || reason FROM staff_actions WHERE order_id = ? "
                                + "AND action = 'ORDER_CANCELLED'")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("support:customer asked");
    }

    @Test
    void refusesToCancelTwiceWith409AndTheReason() throws Exception {
        String orderId = placed("FULL", "pm_card_visa");
        action("admin", "/admin/v1/orders/{id}/cancellation", orderId, "{\"reason\": \"first\"}")
                .andExpect(status().isOk());

        action("admin", "/admin/v1/orders/{id}/cancellation", orderId, "{\"reason\": \"second\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_STATE_CONFLICT"));
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE order_id = ? AND action = 'ORDER_CANCELLED'")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesAShipmentBeforeTheOrderIsReadyWithTheWorkflowsReason() throws Exception {
        String orderId = placed("DEPOSIT", "pm_card_visa");

        action(
                        "support",
                        "/admin/v1/orders/{id}/shipment",
                        orderId,
                        "{\"carrier\": \"DHL\", \"trackingNumber\": \"JD0001\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_STATE_CONFLICT"))
                .andExpect(jsonPath("$.detail", containsString("READY_TO_SHIP")));
    }

    @Test
    void shipsAnOrderOnceItsProductIsReleased() throws Exception {
        String sku = unique("SHIP");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 25)))
                .andExpect(status().isCreated());
        String orderId = unique("ship");
        mvc.perform(placeOrder(order(orderId, sku, 2, "DEPOSIT", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.paid").value(500));

        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isAccepted());
        awaitWorkflowStatus(orderId, "READY_TO_SHIP");

        action(
                        "support",
                        "/admin/v1/orders/{id}/shipment",
                        orderId,
                        "{\"carrier\": \"DHL\", \"trackingNumber\": \"JD0002\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SHIPPED"))
                .andExpect(jsonPath("$.paid").value(2_000));
        action(
                        "support",
                        "/admin/v1/orders/{id}/shipment",
                        orderId,
                        "{\"carrier\": \"DHL\", \"trackingNumber\": \"JD0003\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_STATE_CONFLICT"));
    }

    @Test
    void movesADeclinedOrderOnWhenANewPaymentMethodIsSet() throws Exception {
        String sku = unique("DECL");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        String orderId = unique("decl");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", TestTemporal.Activities.DECLINING_METHOD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.paid").value(0));

        mvc.perform(put("/api/v1/orders/{id}/payment-method", orderId)
                        .with(httpBasic("shop", "shop"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paymentMethod\": \"pm_card_nope\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PAYMENT_METHOD_UNKNOWN"));
        mvc.perform(put("/api/v1/orders/{id}/payment-method", orderId)
                        .with(httpBasic("shop", "shop"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paymentMethod\": \"pm_card_visa\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_RELEASE"))
                .andExpect(jsonPath("$.paid").value(1_000));
    }

    @Test
    void refusesAPaymentRetryWhenNothingIsDeclined() throws Exception {
        String orderId = placed("FULL", "pm_card_visa");

        action("support", "/admin/v1/orders/{id}/payment-retry", orderId, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_STATE_CONFLICT"))
                .andExpect(jsonPath("$.detail", containsString("no declined payment")));
    }

    @Test
    void answersActionsOnAnUnknownOrderWith404() throws Exception {
        action("admin", "/admin/v1/orders/{id}/cancellation", "no-such-order", "{\"reason\": \"x\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));
    }

    @Test
    void showsStaffTheOrderWithItsLiveWorkflowState() throws Exception {
        String orderId = placed("FULL", "pm_card_visa");

        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.timeline[0].type").value("ORDER_PLACED"))
                .andExpect(jsonPath("$.ledger").isArray())
                .andExpect(jsonPath("$.payments").isArray())
                .andExpect(jsonPath("$.workflow.status").value("AWAITING_RELEASE"))
                .andExpect(jsonPath("$.workflow.paid").value(2_000))
                .andExpect(jsonPath("$.workflowNote").doesNotExist());
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("shop", "shop")))
                .andExpect(status().isForbidden());
    }

    private String placed(String plan, String paymentMethod) throws Exception {
        String sku = unique("ACT");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10)))
                .andExpect(status().isCreated());
        String orderId = unique("act");
        mvc.perform(placeOrder(order(orderId, sku, 2, plan, paymentMethod))).andExpect(status().isCreated());
        return orderId;
    }

    private ResultActions action(String user, String path, String orderId, String body) throws Exception {
        return mvc.perform(post(path, orderId)
                .with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private void awaitWorkflowStatus(String orderId, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            String json = mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("admin", "admin")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            status = JsonPath.read(json, "$.workflow.status");
            if (expected.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(status).as("workflow status of " + orderId).isEqualTo(expected);
    }
}
