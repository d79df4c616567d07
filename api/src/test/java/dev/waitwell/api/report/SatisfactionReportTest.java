package dev.waitwell.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.survey.ShippedOrders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The report's satisfaction, worked out by hand from seeded rows. One sku, six shipped orders: two in stock answered
 * 5 and 4, two delayed backorders (one answered 2, one silent), a silent pre-order, and an in-stock order never
 * surveyed. Overall 5 surveys, 3 responses (0.6000), average 11 / 3 = 3.67, scores 2, 4 and 5 once each.
 */
@ApiTest
class SatisfactionReportTest {

    private static final String METRICS = "/admin/v1/reports/metrics";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private ShippedOrders orders;

    @BeforeEach
    void scenario() {
        orders = ShippedOrders.of(jdbc);
        orders.answered(orders.shipped(Duration.ofDays(9)), 5);
        orders.answered(orders.shipped(Duration.ofDays(9)), 4);
        orders.answered(delayedBackorder(), 2);
        orders.surveyed(delayedBackorder());
        String preorder = orders.order("PREORDER", "SHIPPED", Duration.ofDays(20), ShippedOrders.PHONE);
        orders.surveyed(preorder);
        orders.shipped(Duration.ofDays(9));
    }

    @Test
    void addsUpSatisfactionOverallByKindAndDelayed() throws Exception {
        for (String scope : new String[] {"$.overall.satisfaction", "$.skus[0].satisfaction"}) {
            mvc.perform(report())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(scope + ".surveys").value(5))
                    .andExpect(jsonPath(scope + ".responses").value(3))
                    .andExpect(jsonPath(scope + ".responseRate").value(0.6))
                    .andExpect(jsonPath(scope + ".average").value(3.67))
                    .andExpect(jsonPath(scope + ".distribution['1']").value(0))
                    .andExpect(jsonPath(scope + ".distribution['2']").value(1))
                    .andExpect(jsonPath(scope + ".distribution['3']").value(0))
                    .andExpect(jsonPath(scope + ".distribution['4']").value(1))
                    .andExpect(jsonPath(scope + ".distribution['5']").value(1))
                    .andExpect(jsonPath(scope + ".byKind.IN_STOCK.surveys").value(2))
                    .andExpect(jsonPath(scope + ".byKind.IN_STOCK.responseRate").value(1.0))
                    .andExpect(jsonPath(scope + ".byKind.IN_STOCK.average").value(4.5))
                    .andExpect(jsonPath(scope + ".byKind.BACKORDER.responses").value(1))
                    .andExpect(
                            jsonPath(scope + ".byKind.BACKORDER.responseRate").value(0.5))
                    .andExpect(jsonPath(scope + ".byKind.BACKORDER.average").value(2.0))
                    .andExpect(jsonPath(scope + ".byKind.PREORDER.surveys").value(1))
                    .andExpect(jsonPath(scope + ".byKind.PREORDER.responseRate").value(0.0))
                    .andExpect(jsonPath(scope + ".byKind.PREORDER.average").doesNotExist())
                    .andExpect(jsonPath(scope + ".delayed.surveys").value(2))
                    .andExpect(jsonPath(scope + ".delayed.average").value(2.0))
                    .andExpect(jsonPath(scope + ".notDelayed.surveys").value(3))
                    .andExpect(jsonPath(scope + ".notDelayed.responseRate").value(0.6667))
                    .andExpect(jsonPath(scope + ".notDelayed.average").value(4.5));
        }
    }

    @Test
    void theCsvCarriesTheSameFigures() throws Exception {
        String csv = mvc.perform(report().header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String[] lines = csv.split("\r\n");
        assertThat(lines[0])
                .contains(",depositsHeld,surveys,surveyResponses,surveyResponseRate,satisfactionAverage,"
                        + "satisfactionDistribution,satisfactionByKind,satisfactionDelayed,satisfactionNotDelayed,"
                        + "repeatPurchase.window,");
        assertThat(lines[1])
                .startsWith("ALL,")
                .contains(",5,3,0.6000,3.67,1=0;2=1;3=0;4=1;5=1,"
                        + "PREORDER=(0/1);BACKORDER=2.00 (1/2);IN_STOCK=4.50 (2/2),2.00 (1/2),4.50 (2/3),P90D,");
    }

    private String delayedBackorder() {
        String orderId = orders.order("BACKORDER", "SHIPPED", Duration.ofDays(20), ShippedOrders.PHONE);
        orders.event(orderId, "STATUS_AWAITING_DECISION", Instant.now().minus(Duration.ofDays(15)));
        orders.event(orderId, "STATUS_SHIPPED", Instant.now().minus(Duration.ofDays(9)));
        return orderId;
    }

    private MockHttpServletRequestBuilder report() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return get(METRICS)
                .param("from", today.minusDays(60).toString())
                .param("to", today.plusDays(1).toString())
                .param("sku", orders.sku())
                .with(httpBasic("ops", "ops"));
    }
}
