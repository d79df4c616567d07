package dev.waitwell.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A week in May 2031 (Europe/Berlin, UTC+2), figures worked out by hand. RPT-A: A1 in stock, 2 units, shipped
 * after 2 days by its promise; A2 backorder, 1 unit, delayed (10th to 20th), shipped on the 19th: 17 days, late
 * against its first promise; A3 backorder, 3 units, delayed then cancelled, 1500 of 3000 refunded; A4 in stock,
 * 1 unit, placed 23:30 and shipped 00:30 local: 1 day; A6 in stock, 1 unit, placed 00:30 local on the 1st, not
 * shipped. RPT-B: B1 pre-order, 4 units, 2000 deposit held, release postponed; B2 backorder cancelled, no reason.
 * Outside: 23:30 local on 30 April and 02:30 local on 8 May.
 */
@ApiTest
class MetricsReportTest {

    private static final String METRICS = "/admin/v1/reports/metrics";
    /** Placed in 2031, the orders' repeat windows have not ended: counted, pending, in no rate (RepeatPurchase). */
    private static final String PENDING =
            ",P90D,2,2,0,0,0,0,,,0,0,0,0,0,0,,,1,1,0,0,0,0,,,1,1,0,0,0,0,,,1,0,0,0,0,0,0.0000";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void scenario() {
        ReportScenario rows = new ReportScenario(jdbc, transaction);
        if (rows.exists("RPT-A")) {
            return;
        }
        rows.product("RPT-A", 0, 0, 0);
        rows.product("RPT-B", 0, 0, 0);
        rows.order("RPT-A1", "RPT-A", "IN_STOCK", "SHIPPED", 2, at("2031-05-01T10:00:00Z"), day("2031-05-03"), null);
        rows.event("RPT-A1", "STATUS_SHIPPED", at("2031-05-03T08:00:00Z"));
        rows.post("RPT-A1", "rpt-a1-pay", "PAYMENT", "cash", 2_000, "customerDeposits");
        rows.post("RPT-A1", "rpt-a1-rev", "REVENUE", "customerDeposits", 2_000, "revenue");

        rows.order("RPT-A2", "RPT-A", "BACKORDER", "SHIPPED", 1, at("2031-05-02T10:00:00Z"), day("2031-05-20"), null);
        rows.promiseChange("rpt-review-a", "RPT-A", "RPT-A2", day("2031-05-10"), day("2031-05-20"), "supplier late");
        rows.event("RPT-A2", "STATUS_AWAITING_DECISION", at("2031-05-06T10:00:00Z"));
        rows.event("RPT-A2", "STATUS_SHIPPED", at("2031-05-19T10:00:00Z"));

        rows.order(
                "RPT-A3",
                "RPT-A",
                "BACKORDER",
                "CANCELLED",
                3,
                at("2031-05-03T10:00:00Z"),
                day("2031-05-20"),
                "customer changed mind");
        rows.promiseChange("rpt-review-a", "RPT-A", "RPT-A3", day("2031-05-11"), day("2031-05-20"), "supplier late");
        rows.event("RPT-A3", "STATUS_AWAITING_DECISION", at("2031-05-06T10:00:00Z"));
        rows.chargeAndRefund("RPT-A3", 3_000, 1_500);
        rows.post("RPT-A3", "rpt-a3-pay", "PAYMENT", "cash", 3_000, "customerDeposits");
        rows.post("RPT-A3", "rpt-a3-ref", "REFUND", "customerDeposits", 1_500, "cash");

        rows.order("RPT-A4", "RPT-A", "IN_STOCK", "SHIPPED", 1, at("2031-05-04T21:30:00Z"), day("2031-05-06"), null);
        rows.event("RPT-A4", "STATUS_SHIPPED", at("2031-05-04T22:30:00Z"));
        rows.order(
                "RPT-A6", "RPT-A", "IN_STOCK", "READY_TO_SHIP", 1, at("2031-04-30T22:30:00Z"), day("2031-05-03"), null);

        rows.order("RPT-B1", "RPT-B", "PREORDER", "AWAITING_RELEASE", 4, at("2031-05-05T10:00:00Z"), null, null);
        rows.promiseChange("rpt-review-b", "RPT-B", "RPT-B1", day("2031-05-15"), null, "release postponed");
        rows.event("RPT-B1", "STATUS_AWAITING_DECISION", at("2031-05-07T10:00:00Z"));
        rows.post("RPT-B1", "rpt-b1-pay", "PAYMENT", "cash", 2_000, "customerDeposits");
        rows.order("RPT-B2", "RPT-B", "BACKORDER", "CANCELLED", 1, at("2031-05-06T10:00:00Z"), day("2031-05-30"), null);

        rows.order("RPT-X1", "RPT-A", "IN_STOCK", "SHIPPED", 5, at("2031-04-30T21:30:00Z"), null, null);
        rows.order("RPT-X2", "RPT-B", "BACKORDER", "CANCELLED", 5, at("2031-05-08T00:30:00Z"), null, "late");
    }

    @Test
    void countsEachMetricPerSkuAndOverallAsWorkedOutByHand() throws Exception {
        mvc.perform(get(METRICS)
                        .param("from", "2031-05-01")
                        .param("to", "2031-05-08")
                        .with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("Europe/Berlin"))
                // overall: 7 orders, 4 not from stock; 4 of 13 units shipped; 2 of 3 shipments on time
                .andExpect(jsonPath("$.overall.orders").value(7))
                .andExpect(jsonPath("$.overall.backorders").value(4))
                .andExpect(jsonPath("$.overall.backorderRate").value(0.5714))
                .andExpect(jsonPath("$.overall.unitsOrdered").value(13))
                .andExpect(jsonPath("$.overall.unitsShipped").value(4))
                .andExpect(jsonPath("$.overall.fillRate").value(0.3077))
                .andExpect(jsonPath("$.overall.shippedOrders").value(3))
                .andExpect(jsonPath("$.overall.onTimeOrders").value(2))
                .andExpect(jsonPath("$.overall.onTimeRate").value(0.6667))
                // waits 1, 2 and 17 days: 20 / 3; nearest rank ceil(0.9 * 3) = 3rd
                .andExpect(jsonPath("$.overall.averageWaitDays").value(6.67))
                .andExpect(jsonPath("$.overall.p90WaitDays").value(17))
                .andExpect(jsonPath("$.overall.delays").value(3))
                .andExpect(jsonPath("$.overall.delayReasons[0].reason").value("release postponed"))
                .andExpect(jsonPath("$.overall.delayReasons[0].count").value(1))
                .andExpect(jsonPath("$.overall.delayReasons[1].reason").value("supplier late"))
                .andExpect(jsonPath("$.overall.delayReasons[1].count").value(2))
                .andExpect(jsonPath("$.overall.cancellations[0].reason").value("customer changed mind"))
                .andExpect(jsonPath("$.overall.cancellations[1].reason").value("unspecified"))
                .andExpect(jsonPath("$.overall.cancellations[1].count").value(1))
                .andExpect(jsonPath("$.overall.refunds[0].currency").value("EUR"))
                .andExpect(jsonPath("$.overall.refunds[0].amount").value(1_500))
                // A3 keeps 1500 of its 3000, B1 its 2000 deposit; A1 shipped and its revenue emptied it
                .andExpect(jsonPath("$.overall.depositsHeld[0].amount").value(3_500))
                .andExpect(jsonPath("$.skus.length()").value(2))
                .andExpect(jsonPath("$.skus[0].sku").value("RPT-A"))
                .andExpect(jsonPath("$.skus[0].orders").value(5))
                .andExpect(jsonPath("$.skus[0].backorderRate").value(0.4))
                .andExpect(jsonPath("$.skus[0].fillRate").value(0.5))
                .andExpect(jsonPath("$.skus[0].onTimeRate").value(0.6667))
                .andExpect(jsonPath("$.skus[0].delays").value(2))
                .andExpect(jsonPath("$.skus[0].depositsHeld[0].amount").value(1_500))
                .andExpect(jsonPath("$.skus[1].sku").value("RPT-B"))
                .andExpect(jsonPath("$.skus[1].backorderRate").value(1.0))
                .andExpect(jsonPath("$.skus[1].fillRate").value(0.0))
                .andExpect(jsonPath("$.skus[1].onTimeRate").doesNotExist())
                .andExpect(jsonPath("$.skus[1].p90WaitDays").doesNotExist())
                .andExpect(jsonPath("$.skus[1].refunds").isEmpty())
                .andExpect(jsonPath("$.skus[1].depositsHeld[0].amount").value(2_000));
    }

    @Test
    void narrowsToOneSku() throws Exception {
        mvc.perform(get(METRICS)
                        .param("from", "2031-05-01")
                        .param("to", "2031-05-08")
                        .param("sku", "RPT-A")
                        .with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.orders").value(5))
                .andExpect(jsonPath("$.overall.averageWaitDays").value(6.67))
                .andExpect(jsonPath("$.skus.length()").value(1));
    }

    private static final String NO_SURVEYS =
            ",0,0,,,1=0;2=0;3=0;4=0;5=0,PREORDER=(0/0);BACKORDER=(0/0);IN_STOCK=(0/0),(0/0),(0/0)";

    @Test
    void answersAFlatCsvWhenAskedForIt() throws Exception {
        String csv = mvc.perform(get(METRICS)
                        .param("from", "2031-05-01")
                        .param("to", "2031-05-08")
                        .param("sku", "RPT-B")
                        .header("Accept", "text/csv")
                        .with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        String.join(",", MetricsReport.CSV_HEADER),
                        "ALL,2,2,1.0000,5,0,0.0000,0,0,,,,1,release postponed=1,unspecified=1,,EUR 2000" + NO_SURVEYS
                                + PENDING,
                        "RPT-B,2,2,1.0000,5,0,0.0000,0,0,,,,1,release postponed=1,unspecified=1,,EUR 2000"
                                + NO_SURVEYS
                                + PENDING);
    }

    @Test
    void refusesMissingBadOrBackwardDates() throws Exception {
        mvc.perform(get(METRICS).param("from", "2031-13-01").with(httpBasic("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[1].field").value("to"));
        mvc.perform(get(METRICS)
                        .param("from", "2031-05-08")
                        .param("to", "2031-05-01")
                        .with(httpBasic("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void isForOpsAndAdminsOnly() throws Exception {
        mvc.perform(get(METRICS).param("from", "2031-05-01").param("to", "2031-05-08"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(METRICS)
                        .param("from", "2031-05-01")
                        .param("to", "2031-05-08")
                        .with(httpBasic("support", "support")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/v1/reports/demand").param("sku", "RPT-A").with(httpBasic("shop", "shop")))
                .andExpect(status().isForbidden());
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
