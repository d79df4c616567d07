package dev.waitwell.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repeat purchases over the default window (90 days), against the real clock: the index orders of RPR-A were placed
 * 150 days ago (observable) or 10 days ago (pending); later orders are of RPR-Z, outside the report's sku.
 *
 * <ul>
 *   <li>c1: backorder W1, no delay; orders again 30 days later: a repeat.
 *   <li>c2: backorder W2, delayed, shipped; orders again 100 days later: too late, no repeat.
 *   <li>c3: pre-order W3, delayed, cancelled by the customer's choice; never orders again.
 *   <li>c4: in stock S1, and S2 an hour later; orders again exactly 90 days after S1: a repeat of both.
 *   <li>c5: in stock S3; never orders again.
 *   <li>c6: backorder W4, delayed, cancelled for want of an answer.
 *   <li>c9: backorder W7, delayed, cancelled unpaid; orders again 10 days later: a repeat.
 *   <li>c7: backorder W5, delayed, still undecided; c8: backorder W6, no delay, ordered again 5 days later: both
 *       pending, so neither counts in the rates, c8's repeat included.
 * </ul>
 */
@ApiTest
class RepeatPurchaseReportTest {

    private static final String METRICS = "/admin/v1/reports/metrics";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void scenario() {
        ReportScenario rows = new ReportScenario(jdbc, transaction);
        if (rows.exists("RPR-A")) {
            return;
        }
        rows.product("RPR-A", 0, 0, 0);
        rows.product("RPR-Z", 0, 0, 0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant observable = now.minus(days(150));
        Instant pending = now.minus(days(10));

        order(rows, "RPR-W1", "rpr-c1", "BACKORDER", "SHIPPED", observable, null);
        order(rows, "RPR-R1", "rpr-c1", "IN_STOCK", "SHIPPED", observable.plus(days(30)), null);

        order(rows, "RPR-W2", "rpr-c2", "BACKORDER", "SHIPPED", observable, null);
        notice(rows, "RPR-W2", observable.plus(days(3)));
        order(rows, "RPR-R2", "rpr-c2", "IN_STOCK", "SHIPPED", observable.plus(days(100)), null);

        order(
                rows,
                "RPR-W3",
                "rpr-c3",
                "PREORDER",
                "CANCELLED",
                observable,
                "the customer chose to cancel after " + "a delay (release postponed)");
        notice(rows, "RPR-W3", observable.plus(days(3)));

        order(rows, "RPR-S1", "rpr-c4", "IN_STOCK", "SHIPPED", observable, null);
        order(rows, "RPR-S2", "rpr-c4", "IN_STOCK", "SHIPPED", observable.plus(Duration.ofHours(1)), null);
        order(rows, "RPR-R4", "rpr-c4", "IN_STOCK", "SHIPPED", observable.plus(days(90)), null);

        order(rows, "RPR-S3", "rpr-c5", "IN_STOCK", "SHIPPED", observable, null);

        order(
                rows,
                "RPR-W4",
                "rpr-c6",
                "BACKORDER",
                "CANCELLED",
                observable,
                "no answer to the delay notice " + "within PT168H");
        notice(rows, "RPR-W4", observable.plus(days(3)));

        order(rows, "RPR-W7", "rpr-c9", "BACKORDER", "CANCELLED", observable, "payment not received within P7D");
        notice(rows, "RPR-W7", observable.plus(days(1)));
        order(rows, "RPR-R9", "rpr-c9", "IN_STOCK", "SHIPPED", observable.plus(days(10)), null);

        order(rows, "RPR-W5", "rpr-c7", "BACKORDER", "AWAITING_DECISION", pending, null);
        notice(rows, "RPR-W5", pending.plus(days(1)));
        order(rows, "RPR-W6", "rpr-c8", "BACKORDER", "AWAITING_STOCK", pending, null);
        order(rows, "RPR-R8", "rpr-c8", "IN_STOCK", "SHIPPED", pending.plus(days(5)), null);
    }

    @Test
    void comparesRepeatPurchasesAfterWaitingAndDelaysWithOrdersFromStock() throws Exception {
        String[] scopes = {"$.overall.repeatPurchase", "$.skus[0].repeatPurchase"};
        ResultActions report = metrics()
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skus.length()").value(1));
        for (String scope : scopes) {
            report.andExpect(jsonPath(scope + ".window").value("P90D"))
                    .andExpect(jsonPath(scope + ".observableUntil").isString());
            // W1..W7: W5 and W6 pending; of W1, W2, W3, W4, W7 the repeats are W1 (30 days) and W7 (10 days)
            expectGroup(report, scope + ".waited", 7, 2, 5, 2, 0.4, 5, 2, 0.4);
            // S1 and S2 both followed by c4's order 90 days after S1 (the window's last instant); S3 never
            expectGroup(report, scope + ".inStock", 3, 0, 3, 2, 0.6667, 2, 1, 0.5);
            // W2 (back after 100 days: too late), W3, W4, W7 observable; W5 pending
            expectGroup(report, scope + ".delayed", 5, 1, 4, 1, 0.25, 4, 1, 0.25);
            // W1 repeated; W6's repeat 5 days later does not count while its window is open
            expectGroup(report, scope + ".undelayed", 2, 1, 1, 1, 1.0, 1, 1, 1.0);
            // 5 notices: W5 undecided; of the other 4, W3 (customer), W4 (no answer), W7 (unpaid) cancelled
            report.andExpect(jsonPath(scope + ".cancellationAfterDelay.orders").value(5))
                    .andExpect(jsonPath(scope + ".cancellationAfterDelay.undecided")
                            .value(1))
                    .andExpect(jsonPath(scope + ".cancellationAfterDelay.cancelled")
                            .value(3))
                    .andExpect(jsonPath(scope + ".cancellationAfterDelay.customerChose")
                            .value(1))
                    .andExpect(
                            jsonPath(scope + ".cancellationAfterDelay.noAnswer").value(1))
                    .andExpect(jsonPath(scope + ".cancellationAfterDelay.otherReasons")
                            .value(1))
                    .andExpect(jsonPath(scope + ".cancellationAfterDelay.rate").value(0.75));
        }
    }

    @Test
    void leavesOutOrdersPlacedOutsideThePeriod() throws Exception {
        // only the pending W5 and W6 were placed in the last 30 days
        mvc.perform(get(METRICS)
                        .param("from", today().minusDays(30).toString())
                        .param("to", today().plusDays(1).toString())
                        .param("sku", "RPR-A")
                        .with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.repeatPurchase.waited.orders").value(2))
                .andExpect(jsonPath("$.overall.repeatPurchase.waited.pending").value(2))
                .andExpect(jsonPath("$.overall.repeatPurchase.waited.rate").doesNotExist())
                .andExpect(jsonPath("$.overall.repeatPurchase.inStock.orders").value(0))
                .andExpect(jsonPath("$.overall.repeatPurchase.cancellationAfterDelay.orders")
                        .value(1))
                .andExpect(jsonPath("$.overall.repeatPurchase.cancellationAfterDelay.rate")
                        .doesNotExist());
    }

    @Test
    void addsTheRepeatPurchaseColumnsToTheCsv() throws Exception {
        String csv = metrics(get(METRICS).header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String[] lines = csv.split("\r\n");
        assertThat(lines[0])
                .contains(",satisfactionNotDelayed,repeatPurchase.window,repeatPurchase.waited.orders,"
                        + "repeatPurchase.waited.pending,repeatPurchase.waited.observable,"
                        + "repeatPurchase.waited.repeatedOrders,repeatPurchase.waited.customers,"
                        + "repeatPurchase.waited.repeatedCustomers,repeatPurchase.waited.orderRate,"
                        + "repeatPurchase.waited.rate,repeatPurchase.inStock.orders,")
                .endsWith(
                        ",repeatPurchase.undelayed.rate,repeatPurchase.cancellationAfterDelay.orders,"
                                + "repeatPurchase.cancellationAfterDelay.undecided,repeatPurchase.cancellationAfterDelay.cancelled,"
                                + "repeatPurchase.cancellationAfterDelay.customerChose,"
                                + "repeatPurchase.cancellationAfterDelay.noAnswer,"
                                + "repeatPurchase.cancellationAfterDelay.otherReasons,repeatPurchase.cancellationAfterDelay.rate");
        String repeat = ",P90D,7,2,5,2,5,2,0.4000,0.4000,3,0,3,2,2,1,0.6667,0.5000,5,1,4,1,4,1,0.2500,0.2500,"
                + "2,1,1,1,1,1,1.0000,1.0000,5,1,3,1,1,1,0.7500";
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("ALL,10,").endsWith(repeat);
        assertThat(lines[2]).startsWith("RPR-A,10,").endsWith(repeat);
        assertThat(lines[1].split(",", -1)).hasSize(MetricsReport.CSV_HEADER.size());
    }

    private ResultActions metrics() throws Exception {
        return metrics(get(METRICS));
    }

    private ResultActions metrics(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.param("from", today().minusDays(160).toString())
                .param("to", today().plusDays(1).toString())
                .param("sku", "RPR-A")
                .with(httpBasic("ops", "ops")));
    }

    private static void expectGroup(
            ResultActions report,
            String group,
            long orders,
            long pending,
            long observable,
            long repeatedOrders,
            double orderRate,
            long customers,
            long repeatedCustomers,
            double rate)
            throws Exception {
        report.andExpect(jsonPath(group + ".orders").value(orders))
                .andExpect(jsonPath(group + ".pending").value(pending))
                .andExpect(jsonPath(group + ".observable").value(observable))
                .andExpect(jsonPath(group + ".repeatedOrders").value(repeatedOrders))
                .andExpect(jsonPath(group + ".orderRate").value(orderRate))
                .andExpect(jsonPath(group + ".customers").value(customers))
                .andExpect(jsonPath(group + ".repeatedCustomers").value(repeatedCustomers))
                .andExpect(jsonPath(group + ".rate").value(rate));
    }

    private static void order(
            ReportScenario rows,
            String orderId,
            String customer,
            String kind,
            String status,
            Instant placedAt,
            String cancellationReason) {
        String sku = orderId.startsWith("RPR-R") ? "RPR-Z" : "RPR-A";
        rows.order(orderId, sku, kind, status, 1, placedAt, null, cancellationReason);
        rows.jdbc()
                .sql("UPDATE orders SET customer_id = ? WHERE order_id = ?")
                .params(customer, orderId)
                .update();
    }

    private static void notice(ReportScenario rows, String orderId, Instant at) {
        rows.event(orderId, "STATUS_AWAITING_DECISION", at);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
