package dev.waitwell.api.checkout;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.StripeApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** With Stripe as the gateway, Stripe decides which payment methods exist: the API only checks their form. */
@StripeApiTest
class StripeCheckoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void takesAPaymentMethodIdTheSandboxNeverHeardOf() throws Exception {
        String sku = preorderable();
        String orderId = unique("stripe");

        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_1QxYzAbCdEfGhIjKlMnOpQrS")))
                .andExpect(status().isCreated());

        assertThat(jdbc.sql("SELECT payment_method FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("pm_1QxYzAbCdEfGhIjKlMnOpQrS");
    }

    @Test
    void refusesWhatIsNoPaymentMethodIdAndStoresNoOrder() throws Exception {
        String sku = preorderable();
        String orderId = unique("stripe");

        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "tok_visa")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PAYMENT_METHOD_UNKNOWN"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Stripe PaymentMethod id")));

        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aNewPaymentMethodIsCheckedByItsFormToo() throws Exception {
        String sku = preorderable();
        String orderId = unique("stripe");
        mvc.perform(placeOrder(order(orderId, sku, 1, "PAY_LATER", "pm_1QxYzAbCdEfGhIjKlMnOpQrS")))
                .andExpect(status().isCreated());

        mvc.perform(paymentMethod(orderId, "src_1QxYz"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PAYMENT_METHOD_UNKNOWN"));
        mvc.perform(paymentMethod(orderId, "pm_1RaNdOmNeWcArD"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_RELEASE"));
    }

    private String preorderable() throws Exception {
        String sku = unique("STRIPE");
        mvc.perform(putProduct(sku, product(4_000, "EUR", inDays(40), null, 25)))
                .andExpect(status().isCreated());
        return sku;
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder paymentMethod(
            String orderId, String method) {
        return put("/api/v1/orders/{id}/payment-method", orderId)
                .with(httpBasic("shop", "shop"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paymentMethod\": \"" + method + "\"}");
    }
}
