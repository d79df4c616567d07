package dev.waitwell.activities.notification;

import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How amounts and dates read in messages, the same on every channel. */
final class MessageText {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private MessageText() {}

    /** "USD 20.00" from 2000 minor units: exact, with the currency's own number of decimals (JPY has none). */
    static String money(Money money) {
        int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
        return money.currency() + " "
                + BigDecimal.valueOf(money.amountMinor()).movePointLeft(digits).toPlainString();
    }

    /** ISO dates: unambiguous whatever the customer's country. */
    static String date(LocalDate date) {
        return date.toString();
    }

    /** A promised date, or "unknown" when none can be promised. */
    static String dateOrUnknown(LocalDate date) {
        return date == null ? "unknown" : date(date);
    }

    /** A deadline to the minute, in UTC: the one zone every reader can convert. */
    static String moment(Instant instant) {
        return MOMENT.format(instant) + " UTC";
    }

    /** "wait, switch or cancel". */
    static String choices(List<DelayChoice> choices, Function<DelayChoice, String> word) {
        List<String> words = choices.stream().map(word).collect(Collectors.toList());
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** The amount without its sign: a difference refunded reads as a positive amount. */
    static Money magnitude(Money money) {
        return Money.of(Math.abs(money.amountMinor()), money.currency());
    }

    static boolean negative(Money money) {
        return money != null && money.amountMinor() < 0;
    }

    static boolean positive(Money money) {
        return money != null && money.isPositive();
    }
}
