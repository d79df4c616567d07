package dev.waitwell.activities.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import dev.waitwell.workflows.shared.Money;

/** How amounts and dates read in messages, the same on every channel. */
final class MessageText {

    private MessageText() {
    }

    /** "USD 20.00" from 2000 minor units: exact, with the currency's own number of decimals (JPY has none). */
    static String money(Money money) {
        int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
        return money.currency() + " " + BigDecimal.valueOf(money.amountMinor()).movePointLeft(digits).toPlainString();
    }

    /** ISO dates: unambiguous whatever the customer's country. */
    static String date(LocalDate date) {
        return date.toString();
    }

    static boolean positive(Money money) {
        return money != null && money.isPositive();
    }
}
