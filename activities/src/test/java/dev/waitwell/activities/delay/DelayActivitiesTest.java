package dev.waitwell.activities.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.delay.PromiseRecord;
import dev.waitwell.workflows.delay.RewardCode;
import dev.waitwell.workflows.delay.RewardRequest;
import dev.waitwell.workflows.delay.SwitchOutcome;
import dev.waitwell.workflows.delay.SwitchRequest;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.inventory.StockRequest;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class DelayActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("delayActivities") DelayActivities delays;

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Autowired
    @Qualifier("inventoryActivities") InventoryActivities inventory;

    @Test
    void rewardIsIssuedOncePerOrderAndDelayWithTheFirstPercent() {
        String orderId = fixture.backorder(fixture.stockedProduct(0), 1);

        RewardCode first = delays.issueReward(new RewardRequest(orderId, "c-1", 1, 10));
        RewardCode retried = delays.issueReward(new RewardRequest(orderId, "c-1", 1, 15));
        RewardCode secondDelay = delays.issueReward(new RewardRequest(orderId, "c-1", 2, 10));

        assertThat(first.code()).matches("WAIT-[A-Z0-9]{8}");
        assertThat(first.percent()).isEqualTo(10);
        assertThat(retried).isEqualTo(first);
        assertThat(secondDelay.code()).isNotEqualTo(first.code());
        assertThat(jdbc.sql("SELECT delay_number || ':' || percent FROM reward_codes WHERE order_id = ? ORDER BY 1")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("1:10", "2:10");
    }

    @Test
    void rewardCodesAreUniqueAcrossOrders() {
        String sku = fixture.stockedProduct(0);
        Set<String> codes = IntStream.range(0, 200)
                .mapToObj(i -> delays.issueReward(new RewardRequest(fixture.backorder(sku, 1), "c-" + i, 1, 10))
                        .code())
                .collect(Collectors.toSet());

        assertThat(codes).hasSize(200);
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO reward_codes (code, order_id, delay_number, percent)
                        VALUES (?, ?, 1, 10)""")
                        .params(codes.iterator().next(), fixture.backorder(sku, 1))
                        .update())
                .hasMessageContaining("reward_codes_pkey");
    }

    @Test
    void promiseIsRecordedOnceWithItsTimelineEntryAndMayBeUnknown() {
        String orderId = fixture.backorder(fixture.stockedProduct(0), 1);
        LocalDate later = LocalDate.of(2027, 3, 1);

        delays.recordPromise(new PromiseRecord(orderId, later, "promise/review/a", "Now expected 2027-03-01"));
        delays.recordPromise(new PromiseRecord(orderId, null, "promise/review/b", "No date can be promised"));
        delays.recordPromise(new PromiseRecord(orderId, later, "promise/review/a", "Now expected 2027-03-01"));

        assertThat(jdbc.sql("SELECT promised_date FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(LocalDate.class)
                        .optional())
                .isEmpty();
        assertThat(jdbc.sql("SELECT event_key FROM order_events WHERE order_id = ? AND type = 'PROMISE' ORDER BY id")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("promise/review/a", "promise/review/b");
    }

    @Test
    void switchMovesTheUnitsInOneStepAndHandsTheOldOnesToTheNextWaitingOrder() {
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS);
        String waitedFor = fixture.stockedProduct(0);
        String switching = fixture.backorder(waitedFor, 3, 0, t0);
        String next = fixture.backorder(waitedFor, 2, 0, t0.plusSeconds(1));
        stock.receive(new StockReceipt(waitedFor, 2, "GRN-1", null, "ops"));
        String alternative = fixture.stockedProduct(5);

        SwitchOutcome outcome =
                delays.switchItem(new SwitchRequest(switching, waitedFor, alternative, 3, Money.of(6000, "USD")));

        assertThat(outcome.reallocation()).isNotNull();
        assertThat(outcome.reallocation().sku()).isEqualTo(waitedFor);
        assertThat(outcome.reallocation().unitsAllocated()).isEqualTo(2);
        assertThat(allocationsOf(outcome)).containsExactly(next + ":2");
        assertThat(stockOf(switching, next))
                .containsExactly(alternative + " ALLOCATED 3/3", waitedFor + " ALLOCATED 2/2");
        assertThat(counters(waitedFor)).isEqualTo("on_hand=0 allocated=2 backordered=0");
        assertThat(counters(alternative)).isEqualTo("on_hand=2 allocated=3 backordered=0");
        assertThat(jdbc.sql("""
                        SELECT sku || ' ' || unit_price_minor || ' ' || total_minor || ' ' || first_payment_minor
                          FROM orders WHERE order_id = ?""").param(switching).query(String.class).single())
                .isEqualTo(alternative + " 6000 18000 18000");
    }

    @Test
    void switchIsIdempotentAndAnsweredWithTheSameReallocation() {
        String waitedFor = fixture.stockedProduct(0);
        String switching = fixture.backorder(waitedFor, 1);
        fixture.backorder(waitedFor, 1);
        stock.receive(new StockReceipt(waitedFor, 1, "GRN-1", null, "ops"));
        String alternative = fixture.stockedProduct(1);
        SwitchRequest request = new SwitchRequest(switching, waitedFor, alternative, 1, Money.of(12000, "USD"));

        SwitchOutcome first = delays.switchItem(request);
        SwitchOutcome retried = delays.switchItem(request);

        assertThat(retried).isEqualTo(first);
        assertThat(first.reallocation().unitsAllocated()).isEqualTo(1);
        assertThat(counters(alternative)).isEqualTo("on_hand=0 allocated=1 backordered=0");
        assertThat(counters(waitedFor)).isEqualTo("on_hand=0 allocated=1 backordered=0");
        assertThat(jdbc.sql("SELECT count(*) FROM order_events WHERE order_id = ? AND type = 'SWITCHED'")
                        .param(switching)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void switchOfAnOrderWithNothingAllocatedAndNobodyBehindReallocatesNothing() {
        String waitedFor = fixture.stockedProduct(0);
        String switching = fixture.backorder(waitedFor, 2);
        String alternative = fixture.stockedProduct(2);

        SwitchOutcome outcome =
                delays.switchItem(new SwitchRequest(switching, waitedFor, alternative, 2, Money.of(10000, "USD")));

        assertThat(outcome.reallocation()).isNull();
        assertThat(counters(waitedFor)).isEqualTo("on_hand=0 allocated=0 backordered=0");
        assertThat(counters(alternative)).isEqualTo("on_hand=0 allocated=2 backordered=0");
    }

    @Test
    void switchToAnAlternativeWithoutTheUnitsIsRefusedAndChangesNothing() {
        String waitedFor = fixture.stockedProduct(0);
        String switching = fixture.backorder(waitedFor, 3);
        stock.receive(new StockReceipt(waitedFor, 1, "GRN-1", null, "ops"));
        String alternative = fixture.stockedProduct(2);
        String before = snapshot(switching, waitedFor, alternative);

        assertThatThrownBy(() -> delays.switchItem(
                        new SwitchRequest(switching, waitedFor, alternative, 3, Money.of(6000, "USD"))))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("OUT_OF_STOCK");
                    assertThat(failure.isNonRetryable()).isTrue();
                });

        assertThat(snapshot(switching, waitedFor, alternative)).isEqualTo(before);
    }

    @Test
    void switchDoesNotTakeUnitsTheAlternativesOwnQueueIsOwed() {
        String waitedFor = fixture.stockedProduct(0);
        String switching = fixture.backorder(waitedFor, 1);
        String alternative = fixture.stockedProduct(0);
        fixture.backorder(alternative, 1);
        // Units on hand while an order waits: only a legacy return leaves stock like this.
        jdbc.sql("UPDATE products SET on_hand = 1 WHERE sku = ?")
                .param(alternative)
                .update();

        assertThatThrownBy(() -> delays.switchItem(
                        new SwitchRequest(switching, waitedFor, alternative, 1, Money.of(6000, "USD"))))
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("OUT_OF_STOCK"));
    }

    @Test
    void aPreorderSwitchesOutOfThePreorderCounter() {
        String unreleased = fixture.product(LocalDate.now().plusDays(60));
        String switching = fixture.preorder(unreleased, 2);
        String alternative = fixture.stockedProduct(2);

        delays.switchItem(new SwitchRequest(switching, unreleased, alternative, 2, Money.of(4000, "USD")));

        assertThat(jdbc.sql("SELECT preordered FROM products WHERE sku = ?")
                        .param(unreleased)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT first_payment_minor || '/' || total_minor FROM orders WHERE order_id = ?")
                        .param(switching)
                        .query(String.class)
                        .single())
                .isEqualTo("4000/8000");
        assertThat(counters(alternative)).isEqualTo("on_hand=0 allocated=2 backordered=0");
    }

    @Test
    void switchedOrderCancelledLaterGivesTheAlternativesUnitsBack() {
        String waitedFor = fixture.stockedProduct(0);
        String switching = fixture.backorder(waitedFor, 1);
        stock.receive(new StockReceipt(waitedFor, 1, "GRN-1", null, "ops"));
        fixture.backorder(waitedFor, 1);
        String alternative = fixture.stockedProduct(1);
        delays.switchItem(new SwitchRequest(switching, waitedFor, alternative, 1, Money.of(10000, "USD")));

        inventory.releaseUnits(new StockRequest(switching, alternative, 1));

        assertThat(counters(alternative)).isEqualTo("on_hand=1 allocated=0 backordered=0");
    }

    @Test
    void allocationsOfAnOrderAreItsUnitsAndTheAllocationsOfItsCurrentProduct() {
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS);
        String sku = fixture.stockedProduct(0);
        String orderId = fixture.backorder(sku, 3, 0, t0);
        stock.receive(new StockReceipt(sku, 1, "GRN-1", null, "ops"));
        stock.receive(new StockReceipt(sku, 1, "GRN-2", null, "ops"));

        OrderAllocations waiting = inventory.allocationsOf(new StockRequest(orderId, sku, 3));
        String alternative = fixture.stockedProduct(3);
        delays.switchItem(new SwitchRequest(orderId, sku, alternative, 3, Money.of(10000, "USD")));
        OrderAllocations switched = inventory.allocationsOf(new StockRequest(orderId, alternative, 3));

        assertThat(waiting.allocatedUnits()).isEqualTo(2);
        assertThat(waiting.allocations()).extracting(StockAllocation::quantity).containsExactly(1, 1);
        assertThat(switched).isEqualTo(new OrderAllocations(3, List.of()));
        assertThat(inventory.allocationsOf(new StockRequest("o-unknown", sku, 1)))
                .isEqualTo(new OrderAllocations(0, List.of()));
    }

    private List<String> allocationsOf(SwitchOutcome outcome) {
        return jdbc.sql("SELECT order_id || ':' || quantity FROM allocations WHERE batch_id = ? ORDER BY id")
                .param(outcome.reallocation().batchId())
                .query(String.class)
                .list();
    }

    private List<String> stockOf(String... orderIds) {
        return Arrays.stream(orderIds)
                .map(orderId -> jdbc.sql("""
                        SELECT sku || ' ' || state || ' ' || allocated || '/' || quantity FROM order_stock
                         WHERE order_id = ?""").param(orderId).query(String.class).single())
                .toList();
    }

    private String counters(String sku) {
        return jdbc.sql("""
                        SELECT 'on_hand=' || on_hand || ' allocated=' || allocated || ' backordered=' || backordered
                          FROM products WHERE sku = ?""").param(sku).query(String.class).single();
    }

    private String snapshot(String orderId, String... skus) {
        return stockOf(orderId) + " " + Arrays.stream(skus).map(this::counters).toList() + " "
                + jdbc.sql("SELECT sku || ' ' || total_minor FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single()
                + " "
                + jdbc.sql("SELECT count(*) FROM allocation_batches")
                        .query(Long.class)
                        .single();
    }
}
