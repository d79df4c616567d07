package dev.waitwell.workflows.order;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.lifecycle.OrderStatus;
import org.junit.jupiter.api.Test;

class OrderUpdateRulesTest {

    @Test
    void shipsOnlyAnOrderTheWarehouseWasAskedToShip() {
        assertThatCode(() -> OrderUpdateRules.requireShippable("o-1", OrderStatus.READY_TO_SHIP, true, false, false))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> OrderUpdateRules.requireShippable("o-1", OrderStatus.AWAITING_STOCK, false, false, false))
                .hasMessage("Order o-1 is AWAITING_STOCK: only an order that is READY_TO_SHIP can be shipped");
        assertThatThrownBy(() -> OrderUpdateRules.requireShippable("o-1", OrderStatus.READY_TO_SHIP, true, true, false))
                .hasMessageContaining("already has a shipment");
        // from stock: READY_TO_SHIP from checkout on, the warehouse asked a moment later
        assertThatThrownBy(
                        () -> OrderUpdateRules.requireShippable("o-1", OrderStatus.READY_TO_SHIP, false, false, false))
                .hasMessage("Order o-1 is READY_TO_SHIP but the warehouse has not been asked to ship it yet: try again"
                        + " in a moment");
        assertThatThrownBy(() -> OrderUpdateRules.requireShippable("o-1", OrderStatus.READY_TO_SHIP, true, false, true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancelsOnlyOnceAndNeverAfterShipment() {
        assertThatCode(() -> OrderUpdateRules.requireCancellable("o-1", OrderStatus.AWAITING_RELEASE, false, false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OrderUpdateRules.requireCancellable("o-1", OrderStatus.AWAITING_RELEASE, true, false))
                .hasMessage("Order o-1 is AWAITING_RELEASE and already being cancelled: it can no longer be "
                        + "cancelled");
        assertThatThrownBy(() -> OrderUpdateRules.requireCancellable("o-1", OrderStatus.READY_TO_SHIP, false, true))
                .hasMessageContaining("being shipped");
        assertThatThrownBy(() -> OrderUpdateRules.requireCancellable("o-1", OrderStatus.SHIPPED, false, true))
                .hasMessage("Order o-1 is SHIPPED: it can no longer be cancelled");
    }

    @Test
    void changesThePaymentMethodOfAnOpenOrderOnly() {
        assertThatCode(() -> OrderUpdateRules.requirePaymentMethodChangeable("o-1", OrderStatus.AWAITING_PAYMENT))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OrderUpdateRules.requirePaymentMethodChangeable("o-1", OrderStatus.CANCELLED))
                .hasMessageContaining("can no longer change");
    }

    @Test
    void retriesOnlyADeclinedCharge() {
        assertThatCode(() -> OrderUpdateRules.requireDeclinedCharge("o-1", OrderStatus.AWAITING_PAYMENT, true))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OrderUpdateRules.requireDeclinedCharge("o-1", OrderStatus.AWAITING_PAYMENT, false))
                .hasMessageContaining("no declined payment");
        assertThatThrownBy(() -> OrderUpdateRules.requireDeclinedCharge("o-1", OrderStatus.AWAITING_STOCK, true))
                .hasMessage("Order o-1 is AWAITING_STOCK, not AWAITING_PAYMENT: there is no declined payment to retry");
    }
}
