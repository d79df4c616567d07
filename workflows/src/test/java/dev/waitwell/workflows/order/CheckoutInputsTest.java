package dev.waitwell.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checkout input stored in {@code orders.workflow_input} reads back as the input the first run received, and a
 * rebuild starts from it, never from a continued run's input.
 */
class CheckoutInputsTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    @Test
    void aCheckoutInputReadsBackEqualFromItsJson() {
        PlaceOrderInput preorder =
                OrderFixtures.preorder("o-1", PaymentPlan.DEPOSIT, "pm_card_visa", NOW, Duration.ofDays(30), 2);
        PlaceOrderInput backorder =
                OrderFixtures.waiting("o-2", OrderKind.BACKORDER, PaymentPlan.PAY_LATER, "pm_card_visa", NOW, 3, 1);

        assertThat(CheckoutInputs.fromJson(CheckoutInputs.toJson(preorder))).isEqualTo(preorder);
        assertThat(CheckoutInputs.fromJson(CheckoutInputs.toJson(backorder))).isEqualTo(backorder);
    }

    @Test
    void aContinuedRunsInputIsNeitherStoredNorRebuiltFrom() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("o-3", PaymentPlan.DEPOSIT, "pm_card_visa", NOW, Duration.ofDays(30), 1);
        PlaceOrderInput continued = OrderFixtures.continuedWhileAwaitingRelease(placed, NOW.plus(Duration.ofDays(7)));

        assertThatThrownBy(() -> CheckoutInputs.toJson(continued)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> continued.rebuiltFrom(record(placed, OrderStatus.AWAITING_RELEASE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRebuiltInputCarriesTheRecordsCountersAndResumesTheWaitItsStatusNames() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("o-4", PaymentPlan.DEPOSIT, "pm_card_visa", NOW, Duration.ofDays(30), 1);

        OrderContinuation resumed = CheckoutInputs.fromJson(CheckoutInputs.toJson(placed))
                .rebuiltFrom(record(placed, OrderStatus.AWAITING_RELEASE))
                .continuation();

        assertThat(resumed.phase()).isEqualTo(OrderPhase.RELEASE_REMINDER);
        assertThat(resumed.rebuiltAt()).isEqualTo(NOW);
        assertThat(resumed.payments().attempts()).isEqualTo(1);
        assertThat(resumed.payments().paid()).isEqualTo(5_000);
        assertThat(resumed.eventSequence()).isEqualTo(3);
        assertThat(resumed.timelineCounts()).containsExactlyEntriesOf(Map.of("event:PAYMENT_CHARGED", 1));
        assertThat(resumed.openDecision()).isNull();
        assertThat(resumed.outstandingCharge()).isNull();
    }

    @Test
    void aPreOrderRecordedWaitingForUnitsResumesReleasedInTheWaitForUnits() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("o-6", PaymentPlan.DEPOSIT, "pm_card_visa", NOW, Duration.ofDays(30), 1);

        OrderContinuation resumed =
                placed.rebuiltFrom(record(placed, OrderStatus.AWAITING_STOCK)).continuation();

        assertThat(resumed.phase()).isEqualTo(OrderPhase.STOCK);
        assertThat(resumed.released()).isTrue();
        assertThat(resumed.stock().caughtUp())
                .as("reads what was allocated while nothing ran")
                .isFalse();
    }

    @Test
    void aBackorderRecordedAsAwaitingItsReleaseIsRefused() {
        PlaceOrderInput backorder =
                OrderFixtures.waiting("o-5", OrderKind.BACKORDER, PaymentPlan.FULL, "pm_card_visa", NOW, 1, 0);

        assertThatThrownBy(() -> backorder.rebuiltFrom(record(backorder, OrderStatus.AWAITING_RELEASE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backorder.rebuiltFrom(record(backorder, OrderStatus.AWAITING_DECISION)))
                .as("a decision awaited without one recorded")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OrderRecord record(PlaceOrderInput placed, OrderStatus status) {
        return new OrderRecord(
                NOW,
                status,
                new OrderItem(placed.sku(), placed.productName(), placed.unitPrice()),
                false,
                false,
                false,
                false,
                placed.paymentMethod(),
                5_000,
                0,
                1,
                0,
                null,
                null,
                0,
                List.of(),
                placed.promisedDate(),
                placed.releaseAt(),
                0,
                0,
                null,
                0,
                0,
                null,
                List.of(),
                null,
                Map.of("event:PAYMENT_CHARGED", 1),
                3,
                true,
                0);
    }
}
