package dev.waitwell.api.metrics;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.Fixtures;
import dev.waitwell.api.TestTemporal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The business figures on /actuator/prometheus follow the rows in PostgreSQL: orders placed through the API, and
 * rows the worker would write (timeline, payments, messages, ledger, promise changes, allocations) inserted here.
 * Tests of this suite run one after the other, so a figure's change is what the test did.
 */
@ApiTest
class BusinessMetricsTest {

    /** A currency no other test uses: its figures are exactly what this test writes. */
    private static final String CURRENCY = "NOK";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void resetActivities() {
        activities.reset();
    }

    @Test
    void servesMetricsToOperationsAndAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("shop", "shop"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("support", "support")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk());

        Scrape scrape = scrape();
        assertThat(scrape.value("waitwell_orders_placed_total", "kind=\"PREORDER\""))
                .isNotNaN();
        assertThat(scrape.value("waitwell_business_figures_age_seconds")).isBetween(0.0, 5.0);
        assertThat(scrape.value("http_server_requests_seconds_count", "uri=\"/actuator/prometheus\""))
                .isPositive();
        assertThat(scrape.text()).contains("# HELP waitwell_orders_placed_total Orders placed, by kind");
    }

    @Test
    void countsTheOrdersPlacedByKindAndShowsThemInTheirStatus() throws Exception {
        String sku = unique("MET");
        mvc.perform(putProduct(sku, Fixtures.stockProduct(1_000, true, 30, null, inDays(10))))
                .andExpect(status().isCreated());
        double backorders = settled().value("waitwell_orders_placed_total", "kind=\"BACKORDER\"");

        for (int i = 0; i < 3; i++) {
            mvc.perform(placeOrder(order(unique("met"), sku, 1, "PAY_LATER", "pm_card_visa")))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.kind").value("BACKORDER"));
        }

        eventually(scrape -> assertThat(scrape.value("waitwell_orders_placed_total", "kind=\"BACKORDER\""))
                .isEqualTo(backorders + 3));
        eventually(scrape -> {
            for (String status : List.of("AWAITING_STOCK", "AWAITING_RELEASE", "READY_TO_SHIP", "CANCELLED")) {
                assertThat(scrape.value("waitwell_orders", "status=\"" + status + "\""))
                        .as(status)
                        .isEqualTo(ordersIn(status));
            }
        });
    }

    @Test
    void countsDelaysDecisionsAllocationsRefundsMessagesAndDepositsFromTheirRows() throws Exception {
        String orderId = placedOrder();
        Scrape before = settled();

        promiseChange("po-PO-M-1", orderId, inDays(5), inDays(9)); // later: a delay
        promiseChange("eta-SKU-M-2", orderId, inDays(5), null); // to unknown: a delay
        promiseChange("receipt-SKU-M-3", orderId, inDays(5), inDays(2)); // earlier: good news
        promiseChange("product-SKU-M-4", orderId, null, inDays(30)); // a date at last: not a delay
        event(orderId, "WAIT decided by customer");
        event(orderId, "CANCEL decided by support (customer called)");
        event(orderId, "WAIT decided by silence (no answer within the window)");
        allocation(orderId, 3);
        long charge = payment(orderId, "CHARGE", 10_000, null);
        payment(orderId, "REFUND", 2_500, charge);
        payment(orderId, "REFUND", 1_500, charge);
        notification(orderId, "EMAIL", "FAILED");
        notification(orderId, "SMS", "DELIVERED");
        notification(orderId, "SMS", "SKIPPED");
        ledger(orderId, "PAYMENT", "cash", "customerDeposits", 10_000);
        ledger(orderId, "REVENUE", "customerDeposits", "revenue", 4_000);

        eventually(after -> {
            assertThat(increase(before, after, "waitwell_delays_total", "cause=\"purchase_order\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "waitwell_delays_total", "cause=\"restock_eta\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "waitwell_delays_total", "cause=\"receipt\""))
                    .isZero();
            assertThat(increase(before, after, "waitwell_delays_total", "cause=\"release_date\""))
                    .isZero();
            assertThat(increase(before, after, "waitwell_decisions_total", "choice=\"WAIT\"", "by=\"customer\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "waitwell_decisions_total", "choice=\"CANCEL\"", "by=\"staff\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "waitwell_decisions_total", "choice=\"WAIT\"", "by=\"silence\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "waitwell_allocations_total")).isEqualTo(1);
            assertThat(increase(before, after, "waitwell_allocated_units_total"))
                    .isEqualTo(3);
            assertThat(after.value("waitwell_refunds_total", currency())).isEqualTo(2);
            assertThat(after.value("waitwell_refunded_minor_total", currency())).isEqualTo(4_000);
            assertThat(increase(before, after, "waitwell_notifications", "channel=\"EMAIL\"", "status=\"FAILED\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "waitwell_notifications", "channel=\"SMS\"", "status=\"DELIVERED\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "waitwell_notifications", "channel=\"SMS\"", "status=\"SKIPPED\""))
                    .isEqualTo(1);
            assertThat(after.value("waitwell_deposits_held_minor", currency())).isEqualTo(6_000);
        });
    }

    @Test
    void countsDisputesByStripesReasonAndReasonsItDoesNotKnowAsOther() throws Exception {
        String orderId = placedOrder();
        Scrape before = settled();
        assertThat(before.value("waitwell_disputes_total", "reason=\"subscription_canceled\""))
                .as("known reasons exist from the first scrape")
                .isNotNaN();

        dispute(orderId, "duplicate");
        dispute(orderId, "duplicate");
        dispute(orderId, "a_reason_stripe_adds_next_year");
        dispute(orderId, null);

        eventually(after -> {
            assertThat(increase(before, after, "waitwell_disputes_total", "reason=\"duplicate\""))
                    .isEqualTo(2);
            assertThat(increase(before, after, "waitwell_disputes_total", "reason=\"other\""))
                    .isEqualTo(2);
            assertThat(after.text()).doesNotContain("a_reason_stripe_adds_next_year");
        });
    }

    private Scrape scrape() throws Exception {
        return new Scrape(mvc.perform(get("/actuator/prometheus").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** A scrape after the figures of earlier writes have been read (the test refresh is 0.2 s). */
    private Scrape settled() throws Exception {
        Thread.sleep(500);
        return scrape();
    }

    private void eventually(Consumer<Scrape> assertion) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try {
                assertion.accept(scrape());
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static double increase(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static String currency() {
        return "currency=\"" + CURRENCY + "\"";
    }

    private double ordersIn(String status) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE status = ?")
                .param(status)
                .query(Long.class)
                .single();
    }

    private String placedOrder() throws Exception {
        String sku = unique("MET");
        mvc.perform(putProduct(sku, Fixtures.stockProduct(1_000, true, 30, null, inDays(10))))
                .andExpect(status().isCreated());
        String orderId = unique("met");
        mvc.perform(placeOrder(order(orderId, sku, 1, "PAY_LATER", "pm_card_visa")))
                .andExpect(status().isCreated());
        return orderId;
    }

    /** As Stripe's webhook records it. */
    private void dispute(String orderId, String reason) {
        jdbc.sql("""
                INSERT INTO order_disputes (dispute_id, order_id, charge_reference, amount_minor, currency, reason, status)
                VALUES (?, ?, 'pi_metrics', 1000, 'EUR', ?, 'needs_response')""").params(unique("dp"), orderId, reason).update();
    }

    private void promiseChange(String reviewId, String orderId, LocalDate previous, LocalDate next) {
        String id = reviewId + "-" + orderId;
        jdbc.sql("INSERT INTO promise_reviews (review_id, sku, reason) SELECT ?, sku, 'test' FROM orders "
                        + "WHERE order_id = ?")
                .params(id, orderId)
                .update();
        jdbc.sql("INSERT INTO promise_changes (review_id, order_id, previous_date, new_date, reason) "
                        + "VALUES (?, ?, ?, ?, 'the supplier slipped')")
                .params(id, orderId, previous, next)
                .update();
    }

    private void event(String orderId, String message) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, 'DELAY_DECIDED', ?)")
                .params(orderId, unique("event"), message)
                .update();
    }

    private void allocation(String orderId, int quantity) {
        long batch = jdbc.sql("INSERT INTO allocation_batches (sku, source, source_ref) SELECT sku, 'RECEIPT', ? "
                        + "FROM orders WHERE order_id = ? RETURNING id")
                .params(unique("ref"), orderId)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO allocations (batch_id, order_id, quantity) VALUES (?, ?, ?)")
                .params(batch, orderId, quantity)
                .update();
    }

    private long payment(String orderId, String kind, long amount, Long refundOf) {
        return jdbc.sql("""
                INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency, refund_of)
                VALUES (?, ?, ?, 'TEST', 'SUCCEEDED', ?, ?, ?) RETURNING id""")
                .params(orderId, unique(orderId + "/" + kind), kind, amount, CURRENCY, refundOf)
                .query(Long.class)
                .single();
    }

    private void notification(String orderId, String channel, String status) {
        jdbc.sql("INSERT INTO notifications (order_id, notification_key, channel, template, status) "
                        + "VALUES (?, ?, ?, 'TEST', ?)")
                .params(orderId, unique("key"), channel, status)
                .update();
    }

    /** One balanced transaction: the deferred balance check runs at commit. */
    private void ledger(String orderId, String kind, String debit, String credit, long amount) {
        transaction.executeWithoutResult(tx -> {
            long id = jdbc.sql("INSERT INTO ledger_transactions (order_id, posting_key, kind, currency, memo) "
                            + "VALUES (?, ?, ?, ?, 'test') RETURNING id")
                    .params(orderId, unique("post"), kind, CURRENCY)
                    .query(Long.class)
                    .single();
            jdbc.sql("INSERT INTO ledger_lines (transaction_id, account, debit_minor, credit_minor) "
                            + "VALUES (?, ?, ?, 0), (?, ?, 0, ?)")
                    .params(id, debit, amount, id, credit, amount)
                    .update();
        });
    }
}
