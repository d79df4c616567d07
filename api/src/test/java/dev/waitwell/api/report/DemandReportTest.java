package dev.waitwell.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RPT-D: 5 on hand, 3 backordered, 2 pre-ordered. Orders of 4 units 27 days ago, 10 yesterday, 2 today (and 100
 * units 29 days ago, outside the window). Purchase orders: one created 10 days ago, expected in 10 (20 days, 15 of
 * 20 units still open), one created 30 days ago, expected 20 days ago (10 days, all received): lead time 15 days.
 */
@ApiTest
class DemandReportTest {

    private static final String DEMAND = "/admin/v1/reports/demand";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private final LocalDate today = LocalDate.now(ZONE);

    @BeforeEach
    void scenario() {
        ReportScenario rows = new ReportScenario(jdbc, transaction);
        if (rows.exists("RPT-D")) {
            return;
        }
        rows.product("RPT-D", 5, 3, 2);
        rows.product("RPT-E", 0, 0, 0);
        rows.order("RPT-D1", "RPT-D", "IN_STOCK", "SHIPPED", 4, noon(27), null, null);
        rows.order("RPT-D2", "RPT-D", "BACKORDER", "AWAITING_STOCK", 10, noon(1), null, null);
        rows.order(
                "RPT-D3",
                "RPT-D",
                "BACKORDER",
                "AWAITING_STOCK",
                2,
                today.atStartOfDay(ZONE).toInstant(),
                null,
                null);
        rows.order("RPT-D0", "RPT-D", "IN_STOCK", "SHIPPED", 100, noon(29), null, null);
        rows.purchaseOrder("RPT-PO1", "RPT-D", 20, 5, noon(10), today.plusDays(10));
        rows.purchaseOrder("RPT-PO2", "RPT-D", 10, 10, noon(30), today.minusDays(20));
        whyScenario(rows);
    }

    /**
     * RPT-W: purchase order W1 (10 units) created 20 days ago, filled by receipts of 6 units 8 days ago and 4 units
     * 5 days ago; W2 (5 units) created 2 days ago, open. Backorders placed 25 (no PO open), 15, 10 (W1 open), 6 (W1
     * open, 6 of 10 received), 4 and 3 (W1 filled, W2 not yet created) and 1 day ago (W2 open); one 40 days ago,
     * outside the window, and an in-stock order, not a backorder, count for nothing.
     */
    private void whyScenario(ReportScenario rows) {
        rows.product("RPT-W", 0, 0, 0);
        rows.purchaseOrder("RPT-W-PO1", "RPT-W", 10, 10, noon(20), today.minusDays(5));
        rows.receipt("RPT-W", "RPT-W-GRN1", 6, "RPT-W-PO1", noon(8));
        rows.receipt("RPT-W", "RPT-W-GRN2", 4, "RPT-W-PO1", noon(5));
        rows.purchaseOrder("RPT-W-PO2", "RPT-W", 5, 0, noon(2), today.plusDays(10));
        rows.order("RPT-W1", "RPT-W", "BACKORDER", "CANCELLED", 1, noon(25), null, "customer found it elsewhere");
        rows.order("RPT-W2", "RPT-W", "BACKORDER", "SHIPPED", 2, noon(15), null, null);
        rows.promiseChange("rpt-w-r1", "RPT-W", "RPT-W2", today.minusDays(3), today.plusDays(3), "supplier strike");
        rows.order(
                "RPT-W3",
                "RPT-W",
                "BACKORDER",
                "CANCELLED",
                3,
                noon(10),
                null,
                "the customer chose to cancel after a delay (container lost)");
        rows.promiseChange("rpt-w-r1", "RPT-W", "RPT-W3", today.minusDays(3), today.plusDays(3), "supplier strike");
        rows.promiseChange("rpt-w-r2", "RPT-W", "RPT-W3", today.plusDays(3), null, "container lost");
        rows.order("RPT-W4", "RPT-W", "BACKORDER", "AWAITING_STOCK", 1, noon(4), null, null);
        // earlier: good news, not a delay
        rows.promiseChange("rpt-w-r3", "RPT-W", "RPT-W4", today.plusDays(20), today.plusDays(12), "supplier early");
        rows.order("RPT-W5", "RPT-W", "BACKORDER", "AWAITING_STOCK", 4, noon(1), null, null);
        rows.order("RPT-W6", "RPT-W", "BACKORDER", "CANCELLED", 2, noon(3), null, "duplicate order");
        rows.order("RPT-W7", "RPT-W", "BACKORDER", "AWAITING_STOCK", 1, noon(6), null, null);
        rows.order("RPT-W0", "RPT-W", "BACKORDER", "CANCELLED", 5, noon(40), null, "too old to count");
        rows.promiseChange("rpt-w-r0", "RPT-W", "RPT-W0", today.minusDays(30), null, "old reason");
        rows.order("RPT-WS", "RPT-W", "IN_STOCK", "CANCELLED", 1, noon(2), null, "not a backorder");
    }

    @Test
    void saysWhyTheMostBackorderedSkusWaited() throws Exception {
        String json = mvc.perform(get(DEMAND).param("sku", "RPT-D").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<Map<String, Object>> entries = JsonPath.read(json, "$.mostBackordered[?(@.sku == 'RPT-W')]");
        assertThat(entries).singleElement().satisfies(entry -> {
            // W1..W7: 1 + 2 + 3 + 1 + 4 + 2 + 1 units
            assertThat(entry).containsEntry("backorders", 7).containsEntry("units", 14);
            assertThat(JsonPath.<Integer>read(entry, "$.why.placedWithOpenPurchaseOrder"))
                    .as("W2, W3, W5, W7")
                    .isEqualTo(4);
            assertThat(JsonPath.<Integer>read(entry, "$.why.placedWithoutOpenPurchaseOrder"))
                    .as("W1, W4, W6")
                    .isEqualTo(3);
            assertThat(JsonPath.<List<Map<String, Object>>>read(entry, "$.why.delayReasons"))
                    .containsExactly(
                            Map.of("reason", "supplier strike", "count", 2),
                            Map.of("reason", "container lost", "count", 1));
            assertThat(JsonPath.<List<Map<String, Object>>>read(entry, "$.why.cancellationReasons"))
                    .containsExactly(
                            Map.of("reason", "customer found it elsewhere", "count", 1),
                            Map.of("reason", "duplicate order", "count", 1),
                            Map.of(
                                    "reason",
                                    "the customer chose to cancel after a delay (container lost)",
                                    "count",
                                    1));
        });
    }

    @Test
    void suggestsAReorderConsistentWithItsInputs() throws Exception {
        // s1 = 4, 25 quiet days, then 10 and 2: s28 = 0.3 * 2 + 0.7 * (0.3 * 10 + 0.7 * 4 * 0.7^25)
        //   = 2.7 + 4 * 0.7^27 = 2.70026...; over 15 days 40.50..., rounded up to 41 units
        BigDecimal level = new BigDecimal("2.7").add(new BigDecimal("4").multiply(new BigDecimal("0.7").pow(27)));
        assertThat(level.multiply(BigDecimal.valueOf(15))).isBetween(new BigDecimal("40.5"), new BigDecimal("41"));

        mvc.perform(get(DEMAND).param("sku", "RPT-D").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.today").value(today.toString()))
                .andExpect(jsonPath("$.days.length()").value(28))
                .andExpect(jsonPath("$.days[0].date").value(today.minusDays(27).toString()))
                .andExpect(jsonPath("$.days[0].units").value(4))
                .andExpect(jsonPath("$.days[1].units").value(0))
                .andExpect(jsonPath("$.days[26].units").value(10))
                .andExpect(jsonPath("$.days[27].units").value(2))
                .andExpect(jsonPath("$.days[27].orders").value(1))
                .andExpect(jsonPath("$.alpha").value(0.3))
                .andExpect(jsonPath("$.dailyForecast").value(2.7003))
                .andExpect(jsonPath("$.leadTimeDays").value(15))
                .andExpect(jsonPath("$.leadTimeKnown").value(true))
                .andExpect(jsonPath("$.forecastOverLeadTime").value(41))
                .andExpect(jsonPath("$.unitsWaiting").value(5))
                .andExpect(jsonPath("$.onHand").value(5))
                .andExpect(jsonPath("$.incoming").value(15))
                // 41 + 5 waiting - 5 on hand - 15 incoming
                .andExpect(jsonPath("$.suggestedReorder").value(26))
                .andExpect(jsonPath("$.mostBackordered[?(@.sku == 'RPT-D')].backorders", contains(2)))
                .andExpect(jsonPath("$.mostBackordered[?(@.sku == 'RPT-D')].units", contains(12)));
    }

    @Test
    void assumesFourteenDaysOfLeadTimeAndSuggestsNothingWithoutDemand() throws Exception {
        mvc.perform(get(DEMAND).param("sku", "RPT-E").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadTimeDays").value(14))
                .andExpect(jsonPath("$.leadTimeKnown").value(false))
                .andExpect(jsonPath("$.forecastOverLeadTime").value(0))
                .andExpect(jsonPath("$.suggestedReorder").value(0));
    }

    @Test
    void answersOneCsvRowPerDay() throws Exception {
        String csv = mvc.perform(get(DEMAND)
                        .param("sku", "RPT-D")
                        .header("Accept", "text/csv")
                        .with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(29);
        assertThat(lines[0]).isEqualTo(String.join(",", DemandReport.CSV_HEADER));
        assertThat(lines[28]).isEqualTo("RPT-D," + today + ",1,2,2.7003,15,41,5,5,15,26");
    }

    @Test
    void refusesAMissingSkuAndAnUnknownOne() throws Exception {
        mvc.perform(get(DEMAND).with(httpBasic("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sku"));
        mvc.perform(get(DEMAND).param("sku", "RPT-NONE").with(httpBasic("ops", "ops")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
    }

    @Test
    void isUnauthorizedWithoutCredentials() throws Exception {
        mvc.perform(get(DEMAND).param("sku", "RPT-D")).andExpect(status().isUnauthorized());
        mvc.perform(get(DEMAND).param("sku", "RPT-D").with(httpBasic("support", "support")))
                .andExpect(status().isForbidden());
    }

    private Instant noon(int daysAgo) {
        return today.minusDays(daysAgo)
                .atTime(LocalTime.NOON)
                .atZone(ZONE)
                .toInstant()
                .truncatedTo(ChronoUnit.SECONDS);
    }
}
