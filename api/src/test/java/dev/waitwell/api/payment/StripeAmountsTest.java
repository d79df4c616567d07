package dev.waitwell.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same table as the twin's test in activities (StripeAmountsTest): Stripe's unit to ISO minor units. */
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
    void amountsStripeReportsBecomeIsoMinorUnits(String currency, long minor, long stripe, String stripeCurrency) {
        assertThat(StripeAmounts.fromStripe(stripe, stripeCurrency)).isEqualTo(Money.of(minor, currency));
    }
}
