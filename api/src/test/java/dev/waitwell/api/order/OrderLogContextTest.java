package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.Fixtures;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class OrderLogContextTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "/api/v1/orders/o-1001, o-1001",
                "/api/v1/orders/o-1001/payment-method, o-1001",
                "/admin/v1/orders/o_2.B/decision, o_2.B",
                "/c/orders/o-3, o-3",
                "/c/v1/orders/o-4/decision, o-4",
                "/admin/v1/orders, none",
                "/admin/v1/products/o-5, none",
                "/api/v1/orders/o-6%0A2026 INFO forged, none"
            })
    void namesTheOrderOfThePathWhileTheRequestIsAnswered(String path, String expected) throws Exception {
        AtomicReference<String> during = new AtomicReference<>();

        new OrderLogContext()
                .doFilter(
                        new MockHttpServletRequest("GET", path),
                        new MockHttpServletResponse(),
                        (request, response) -> during.set(MDC.get(OrderLogContext.KEY)));

        assertThat(during.get()).isEqualTo(expected);
        assertThat(MDC.get(OrderLogContext.KEY)).isNull();
    }

    @Test
    void printsTheOrderOnTheLinesLoggedForItsRequest(CapturedOutput output) throws Exception {
        String orderId = orderWithoutWorkflow();

        mvc.perform(get("/api/v1/orders/{id}", orderId).with(httpBasic("support", "support")))
                .andExpect(status().isOk());

        assertThat(output.getOut().lines().filter(line -> line.contains("Query of order workflow " + orderId)))
                .singleElement()
                .asString()
                .contains(" [order-" + orderId + "] ");
    }

    /** An order whose workflow is gone (as after a restart of the local run): reading it logs why. */
    private String orderWithoutWorkflow() throws Exception {
        String sku = unique("LOG");
        mvc.perform(putProduct(sku, Fixtures.stockProduct(1_000, false, null, null, null)))
                .andExpect(status().isCreated());
        String orderId = unique("log");
        jdbc.sql("""
                INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                    currency, unit_price_minor, total_minor, first_payment_minor, customer_id,
                                    link_expires_at)
                VALUES (?, 'hash', 'IN_STOCK', 'READY_TO_SHIP', ?, 1, 'FULL', 'pm_card_visa', 'EUR', 1000, 1000, 1000,
                        'c-1', now() + interval '1 day')""").params(orderId, sku).update();
        return orderId;
    }
}
