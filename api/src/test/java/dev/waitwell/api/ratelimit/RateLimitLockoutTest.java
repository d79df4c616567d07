package dev.waitwell.api.ratelimit;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static dev.waitwell.api.ratelimit.ClientAddress.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue #12: anonymous callers could use up an order's allowance with forged decisions, and support's cancellation
 * of that order then answered 429. Forged requests now cost only their sender's address.
 */
@RateLimitedApiTest
class RateLimitLockoutTest {

    // The defaults: 600 requests per client address and minute without a login, 10 per order and minute.
    private static final int PER_ADDRESS = 600;
    private static final int WEBHOOKS_PER_ADDRESS = 50;
    private static final int PER_ORDER = 10;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void supportCancelsAnOrderThatADozenForgedDecisionsWereAimedAt() throws Exception {
        Placed order = placed();
        for (int i = 0; i < 12; i++) {
            forged(order.id(), i, "203.0.113.12").andExpect(status().isForbidden());
        }

        cancelAsSupport(order.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(cancellationsOf(order.id())).isOne();
    }

    @Test
    void aThousandForgedDecisionsCostTheForgersAddressAndNotTheOrder() throws Exception {
        Placed order = placed();
        Map<Integer, Integer> answers = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            MockHttpServletResponse response =
                    forged(order.id(), i, "203.0.113.66").andReturn().getResponse();
            answers.merge(response.getStatus(), 1, Integer::sum);
            if (response.getStatus() == 429) {
                assertThat(response.getHeader("Retry-After")).isNotBlank();
                assertThat(response.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
            }
        }

        assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of(403, PER_ADDRESS, 429, 1_000 - PER_ADDRESS));
        // The customer, elsewhere, still reaches their order; support still cancels it.
        assertThat(customerChangesPaymentMethod(order, "198.51.100.7")).isNotEqualTo(429);
        cancelAsSupport(order.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(cancellationsOf(order.id())).isOne();
    }

    @Test
    void theCustomerWithTheLinkAndSupportEachHaveTheirOwnAllowanceOnTheOrder() throws Exception {
        Placed order = placed();
        for (int i = 0; i < PER_ORDER; i++) {
            assertThat(customerChangesPaymentMethod(order, "198.51.100.8")).isNotEqualTo(429);
        }
        mvc.perform(customersPaymentMethod(order, "198.51.100.8"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));

        cancelAsSupport(order.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void supportUsingUpTheOrderLeavesTheCustomersAllowanceAlone() throws Exception {
        Placed order = placed();
        for (int i = 0; i < PER_ORDER; i++) {
            mvc.perform(post("/admin/v1/orders/{id}/cancellation", order.id())
                            .with(httpBasic("support", "support"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isBadRequest());
        }
        cancelAsSupport(order.id()).andExpect(status().isTooManyRequests());

        assertThat(customerChangesPaymentMethod(order, "198.51.100.9")).isNotEqualTo(429);
    }

    @Test
    void forgedCallbacksCostTheirAddressesWebhookAllowanceAndLeaveItsCustomerAllowanceAlone() throws Exception {
        for (int i = 0; i < WEBHOOKS_PER_ADDRESS; i++) {
            forgedStripeEvent("203.0.113.90").andExpect(status().isBadRequest());
        }

        forgedStripeEvent("203.0.113.90")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        // one allowance for all of an address's webhooks
        mvc.perform(post("/webhooks/twilio/status")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("MessageSid", "SM-forged")
                        .param("MessageStatus", "delivered")
                        .with(from("203.0.113.90")))
                .andExpect(status().isTooManyRequests());
        forgedStripeEvent("203.0.113.91").andExpect(status().isBadRequest());
        // the customer's endpoints count apart: a forged decision from the same address is still read (403)
        mvc.perform(post("/c/v1/orders/{orderId}/decision", "o-forged")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"9999999999.forged\", \"choice\": \"WAIT\"}")
                        .with(from("203.0.113.90")))
                .andExpect(status().isForbidden());
    }

    private ResultActions forgedStripeEvent(String address) throws Exception {
        return mvc.perform(post("/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", "t=1,v1=forged")
                .content("{\"id\": \"evt_forged\", \"type\": \"charge.refunded\"}")
                .with(from(address)));
    }

    /** Three kinds of forgery in turn: the JSON decision, the page's decision form, its payment method form. */
    private ResultActions forged(String orderId, int i, String address) throws Exception {
        MockHttpServletRequestBuilder request = switch (i % 3) {
            case 0 ->
                post("/c/v1/orders/{id}/decision", orderId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"4102444800.forged" + i + "\", \"choice\": \"CANCEL\"}");
            case 1 ->
                post("/c/orders/{id}/decision", orderId)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", "4102444800.forged" + i)
                        .param("choice", "CANCEL");
            default ->
                post("/c/orders/{id}/payment-method", orderId)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", "4102444800.forged" + i)
                        .param("paymentMethod", "pm_card_visa");
        };
        return mvc.perform(request.with(from(address)));
    }

    /** @return the answer's status */
    private int customerChangesPaymentMethod(Placed order, String address) throws Exception {
        return mvc.perform(customersPaymentMethod(order, address))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private MockHttpServletRequestBuilder customersPaymentMethod(Placed order, String address) {
        return post("/c/orders/{id}/payment-method", order.id())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("token", order.token())
                .param("paymentMethod", "pm_card_visa")
                .with(from(address));
    }

    private ResultActions cancelAsSupport(String orderId) throws Exception {
        return mvc.perform(post("/admin/v1/orders/{id}/cancellation", orderId)
                .with(httpBasic("support", "support"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"customer asked by phone\"}"));
    }

    private long cancellationsOf(String orderId) {
        return jdbc.sql("SELECT count(*) FROM staff_actions WHERE order_id = ? AND action = 'ORDER_CANCELLED'")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private record Placed(String id, String token) {}

    private Placed placed() throws Exception {
        String sku = unique("LOCK");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10)))
                .andExpect(status().isCreated());
        String orderId = unique("lock");
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String query = URI.create(JsonPath.read(json, "$.customerUrl")).getQuery();
        return new Placed(orderId, query.substring(query.indexOf("token=") + "token=".length()));
    }
}
