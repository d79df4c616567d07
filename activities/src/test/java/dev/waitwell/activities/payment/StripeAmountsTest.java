package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeAmountsTest {

    @ParameterizedTest
    @CsvSource({
        "USD, 2000, 2000, usd",
        "EUR, 1, 1, eur",
        "JPY, 1999, 1999, jpy",
        "KRW, 50000, 50000, krw",
        "ISK, 1500, 150000, isk",
        "MGA, 500000, 5000, mga",
        "BHD, 12340, 12340, bhd"
    })
    void amountsGoToStripeInItsUnitsAndComeBackUnchanged(
            String currency, long minor, long stripe, String stripeCurrency) {
        Money money = Money.of(minor, currency);

        assertThat(StripeAmounts.toStripe(money)).isEqualTo(stripe);
        assertThat(StripeAmounts.currency(money)).isEqualTo(stripeCurrency);
        assertThat(StripeAmounts.fromStripe(stripe, stripeCurrency)).isEqualTo(money);
    }

    @ParameterizedTest
    @CsvSource({"BHD, 12345, ending in 0", "KWD, 1, ending in 0", "MGA, 150, whole units"})
    void anAmountStripeCannotTakeExactlyIsRefusedNeverRounded(String currency, long minor, String why) {
        assertThatThrownBy(() -> StripeAmounts.toStripe(Money.of(minor, currency)))
                .isInstanceOf(StripeAmounts.UnsupportedAmountException.class)
                .hasMessageContaining(why);
    }
}
