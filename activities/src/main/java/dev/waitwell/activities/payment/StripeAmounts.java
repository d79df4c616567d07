package dev.waitwell.activities.payment;

import dev.waitwell.workflows.shared.Money;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Waitwell's amounts (ISO 4217 minor units) as Stripe wants them, and back. Most currencies agree; the special
 * cases are explicit (https://docs.stripe.com/currencies):
 *
 * <ul>
 *   <li>Stripe's zero-decimal currencies take whole units. For JPY, KRW and the like that is ISO's minor unit too;
 *       MGA has two decimals in ISO, so its minor units are divided by 100 (and must be whole units).
 *   <li>ISK has no decimals in ISO, but Stripe keeps it two-decimal for compatibility: whole krónur times 100.
 *   <li>The three-decimal currencies (BHD, JOD, KWD, OMR, TND) keep three decimals, but card payments must end in 0.
 * </ul>
 *
 * An amount Stripe cannot take exactly is refused, never rounded: charging other than the price is not ours to do.
 */
final class StripeAmounts {

    /** https://docs.stripe.com/currencies#zero-decimal */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
            "XPF");

    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
    private static final String ISK = "ISK";

    private StripeAmounts() {}

    /** The amount as Stripe's {@code amount} parameter. @throws UnsupportedAmountException when not exact */
    static long toStripe(Money money) {
        String currency = money.currency();
        long amount = money.amountMinor();
        if (ISK.equals(currency)) {
            return Math.multiplyExact(amount, 100L);
        }
        int isoDigits = isoDigits(currency);
        if (ZERO_DECIMAL.contains(currency) && isoDigits > 0) {
            long unit = pow10(isoDigits);
            if (amount % unit != 0) {
                throw new UnsupportedAmountException(money, "Stripe takes whole units of " + currency);
            }
            return amount / unit;
        }
        if (THREE_DECIMAL.contains(currency) && amount % 10 != 0) {
            throw new UnsupportedAmountException(money, "Stripe takes " + currency + " card amounts ending in 0");
        }
        return amount;
    }

    /** An amount Stripe reports (a refund's) in Waitwell's minor units; {@code currency} as Stripe writes it. */
    static Money fromStripe(long amount, String currency) {
        String iso = currency.toUpperCase(Locale.ROOT);
        if (ISK.equals(iso)) {
            return Money.of(amount / 100, iso);
        }
        int isoDigits = isoDigits(iso);
        if (ZERO_DECIMAL.contains(iso) && isoDigits > 0) {
            return Money.of(Math.multiplyExact(amount, pow10(isoDigits)), iso);
        }
        return Money.of(amount, iso);
    }

    /** Stripe's currency parameter: the ISO code in lower case. */
    static String currency(Money money) {
        return money.currency().toLowerCase(Locale.ROOT);
    }

    private static int isoDigits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    private static long pow10(int digits) {
        long unit = 1;
        for (int i = 0; i < digits; i++) {
            unit *= 10;
        }
        return unit;
    }

    /** An amount Stripe cannot take exactly in its currency. */
    static final class UnsupportedAmountException extends IllegalArgumentException {

        UnsupportedAmountException(Money money, String why) {
            super(money.display() + " cannot be sent to Stripe: " + why);
        }
    }
}
