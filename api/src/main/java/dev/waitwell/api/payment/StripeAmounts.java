package dev.waitwell.api.payment;

import dev.waitwell.workflows.shared.Money;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * An amount Stripe reports (a dispute's) in Waitwell's ISO 4217 minor units. Stripe's unit is the ISO minor unit
 * but for (https://docs.stripe.com/currencies):
 *
 * <ul>
 *   <li>its zero-decimal currencies, in whole units: MGA has two decimals in ISO, so Stripe's amount is times 100
 *       here (JPY, KRW and the like have none: unchanged);
 *   <li>ISK, which ISO gives no decimals but Stripe keeps two-decimal: Stripe's amount is divided by 100.
 * </ul>
 *
 * The twin of {@code activities/src/main/java/dev/waitwell/activities/payment/StripeAmounts.java}, which converts
 * the worker's charges and refunds both ways; the API may not depend on activities, so the rule is copied: change
 * both together (their tests hold the same table).
 */
final class StripeAmounts {

    /** https://docs.stripe.com/currencies#zero-decimal */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
            "XPF");

    private static final String ISK = "ISK";

    private StripeAmounts() {}

    /** @param currency as Stripe writes it (lower case) */
    static Money fromStripe(long amount, String currency) {
        String iso = currency.toUpperCase(Locale.ROOT);
        if (ISK.equals(iso)) {
            return Money.of(amount / 100, iso);
        }
        int isoDigits = Math.max(Currency.getInstance(iso).getDefaultFractionDigits(), 0);
        if (ZERO_DECIMAL.contains(iso) && isoDigits > 0) {
            return Money.of(Math.multiplyExact(amount, pow10(isoDigits)), iso);
        }
        return Money.of(amount, iso);
    }

    private static long pow10(int digits) {
        long unit = 1;
        for (int i = 0; i < digits; i++) {
            unit *= 10;
        }
        return unit;
    }
}
