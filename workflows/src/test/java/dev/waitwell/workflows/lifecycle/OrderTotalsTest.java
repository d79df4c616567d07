package dev.waitwell.workflows.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.shared.Money;
import org.junit.jupiter.api.Test;

class OrderTotalsTest {

    private static final Money TOTAL = Money.of(49_900, "USD");

    @Test
    void aDepositLeavesTheBalanceDueOnRelease() {
        OrderTotals totals = new OrderTotals("USD", 0, 0);

        totals.charged(Money.of(9_980, "USD"));

        assertThat(totals.netPaid()).isEqualTo(Money.of(9_980, "USD"));
        assertThat(totals.due(TOTAL)).isEqualTo(Money.of(39_920, "USD"));
    }

    @Test
    void refundsCountAgainstWhatWasPaid() {
        OrderTotals totals = new OrderTotals("USD", 49_900, 0);

        totals.refunded(Money.of(10_000, "USD"));

        assertThat(totals.paid()).isEqualTo(49_900);
        assertThat(totals.refunded()).isEqualTo(10_000);
        assertThat(totals.netPaid()).isEqualTo(Money.of(39_900, "USD"));
        assertThat(totals.due(TOTAL)).isEqualTo(Money.of(10_000, "USD"));
    }

    @Test
    void aSwitchToACheaperItemLeavesMoneyToGiveBack() {
        OrderTotals totals = new OrderTotals("USD", 49_900, 0);

        assertThat(totals.due(Money.of(29_900, "USD"))).isEqualTo(Money.of(-20_000, "USD"));
    }

    @Test
    void settledWhenEverythingIsPaid() {
        assertThat(new OrderTotals("USD", 49_900, 0).due(TOTAL).isPositive()).isFalse();
        assertThat(new OrderTotals("USD", 49_900, 0).due(TOTAL).amountMinor()).isZero();
    }

    @Test
    void refusesMoneyInAnotherCurrency() {
        OrderTotals totals = new OrderTotals("USD", 0, 0);

        assertThatThrownBy(() -> totals.charged(Money.of(100, "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD")
                .hasMessageContaining("EUR");
        assertThatThrownBy(() -> totals.due(Money.of(100, "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(totals.paid()).isZero();
    }

    @Test
    void neverWrapsAroundOnOverflow() {
        OrderTotals totals = new OrderTotals("USD", Long.MAX_VALUE - 1, 0);

        assertThatThrownBy(() -> totals.charged(Money.of(2, "USD"))).isInstanceOf(ArithmeticException.class);
        assertThat(totals.paid()).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void refusesNegativeTotalsAndUnknownCurrencyShapes() {
        assertThatThrownBy(() -> new OrderTotals("USD", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderTotals("usd", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
