package dev.waitwell.api.customer;

import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue #12: whoever holds a customer's link acts as the customer, so what is done with it is on the audit trail as
 * the customer's, with the client address it came from, which staff read on the audit list.
 */
@ApiTest
class CustomerActionAuditTest {

    private static final RequestPostProcessor FROM_CUSTOMER = request -> {
        request.setRemoteAddr("203.0.113.7");
        return request;
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDecisionWithTheLinksTokenIsAuditedAsTheCustomersWithItsClientAddress() throws Exception {
        Delayed delayed = delayedOrder();

        mvc.perform(post("/c/v1/orders/{id}/decision", delayed.orderId())
                        .with(FROM_CUSTOMER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"%s\", \"choice\": \"WAIT\"}".formatted(delayed.token())))
                .andExpect(status().isOk());

        assertThat(auditOf(delayed.orderId())).containsExactly("customer DELAY_DECIDED WAIT 203.0.113.7");
        mvc.perform(get("/admin/v1/audit").param("orderId", delayed.orderId()).with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].user").value("customer"))
                .andExpect(jsonPath("$.items[0].action").value("DELAY_DECIDED"))
                .andExpect(jsonPath("$.items[0].clientAddress").value("203.0.113.7"));
    }

    @Test
    void aDecisionOnTheCustomersPageIsAuditedAndARefusedOneIsNot() throws Exception {
        Delayed delayed = delayedOrder();

        for (String choice : new String[] {"CANCEL", "WAIT"}) {
            mvc.perform(post("/c/orders/{id}/decision", delayed.orderId())
                    .with(FROM_CUSTOMER)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("token", delayed.token())
                    .param("choice", choice));
        }

        assertThat(auditOf(delayed.orderId())).containsExactly("customer DELAY_DECIDED CANCEL 203.0.113.7");
    }

    @Test
    void aNewPaymentMethodFromTheCustomersPageIsAuditedWithItsClientAddress() throws Exception {
        Delayed delayed = waitingOrder();

        mvc.perform(post("/c/orders/{id}/payment-method", delayed.orderId())
                        .with(FROM_CUSTOMER)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", delayed.token())
                        .param("paymentMethod", "pm_card_mastercard"))
                .andExpect(status().isOk());

        assertThat(auditOf(delayed.orderId()))
                .containsExactly("customer PAYMENT_METHOD_CHANGED pm_card_mastercard 203.0.113.7");
    }

    // ---- helpers

    private record Delayed(String orderId, String purchaseOrderId, String token) {}

    /** A backorder of one kettle promised from a purchase order due in 10 days, with the token of its link. */
    private Delayed waitingOrder() throws Exception {
        String sku = unique("AUD");
        mvc.perform(putProduct(sku, """
                        {"name": "Nimbus Kettle", "price": 4000, "currency": "EUR", "releaseDate": null,
                         "preorderCap": null, "depositPercent": 0,
                         "backorders": {"allowed": true, "maxWaitDays": 60, "maxQuantity": null},
                         "restockEta": null, "alternatives": []}""")).andExpect(status().isCreated());
        String purchaseOrderId = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        purchaseOrder(purchaseOrderId, sku, 10, shopToday().plusDays(10))))
                .andExpect(status().isCreated());
        String orderId = unique("aud");
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token =
                URI.create(JsonPath.read(json, "$.customerUrl")).getRawQuery().substring("token=".length());
        return new Delayed(orderId, purchaseOrderId, token);
    }

    /** The supplier slips: the order waits for its customer's decision. */
    private Delayed delayedOrder() throws Exception {
        Delayed delayed = waitingOrder();
        mvc.perform(put("/admin/v1/purchase-orders/{id}", delayed.purchaseOrderId())
                        .with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedDate\": \"%s\", \"reason\": \"the ship was late\"}"
                                .formatted(shopToday().plusDays(20))))
                .andExpect(status().isOk());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!mvc.perform(get("/api/v1/orders/{id}", delayed.orderId()).with(httpBasic("shop", "shop")))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .contains("\"decision\":{")) {
            assertThat(Instant.now())
                    .as("the order never waited for a decision")
                    .isBefore(deadline);
            Thread.sleep(100);
        }
        return delayed;
    }

    private java.util.List<String> auditOf(String orderId) {
        return jdbc.sql("""
                        SELECT username || ' ' || action || ' ' || details || ' ' || coalesce(client_address, '-')
                          FROM staff_actions WHERE order_id = ? AND username = 'customer' ORDER BY id""").param(orderId).query(String.class).list();
    }
}
