package dev.waitwell.messages;

import dev.waitwell.workflows.shared.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts, dates and times as the customer's language writes them, in the shop's zone: "499,00 €", "1. Juni 2027",
 * "June 1, 2027". Templates reach it as {@code fmt}; the variables of a message are formatted with it already.
 */
public final class Formats {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;
    private final DateTimeFormatter zoneName;

    public Formats(Locale locale, ZoneId zone) {
        this(locale, zone, FormatStyle.LONG);
    }

    /** @param dates LONG for emails and pages ("June 1, 2027"), SHORT where room is short, as in SMS ("6/1/27") */
    public Formats(Locale locale, ZoneId zone, FormatStyle dates) {
        this.locale = locale;
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(dates).withLocale(locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        this.zoneName = DateTimeFormatter.ofPattern("z", locale);
    }

    public Locale locale() {
        return locale;
    }

    /** Exact, with the currency's own number of decimals (JPY has none) and the language's symbol placement. */
    public String money(Money money) {
        if (money == null) {
            return null;
        }
        Currency currency = Currency.getInstance(money.currency());
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.amountMinor()).movePointLeft(digits));
    }

    public String date(LocalDate value) {
        return value == null ? null : date.format(value);
    }

    /** A moment to the minute in the shop's zone, named as it is then: "June 1, 2027, 3:00 PM CEST". */
    public String moment(Instant value) {
        if (value == null) {
            return null;
        }
        ZonedDateTime at = value.atZone(zone);
        return date.format(at) + ", " + time.format(at) + " " + zoneName.format(at);
    }
}
