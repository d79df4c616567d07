package dev.waitwell.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A product's demand and what to reorder: {@code suggestedReorder} = max(0, {@code forecastOverLeadTime} +
 * {@code unitsWaiting} - {@code onHand} - {@code incoming}).
 *
 * @param days orders and units ordered per day, the last 28 days up to today
 * @param dailyForecast the smoothed units per day (4 decimal places)
 * @param leadTimeDays average days from a purchase order's creation to its expected date (rounded up), or 14
 * @param forecastOverLeadTime dailyForecast times leadTimeDays, rounded up to whole units
 * @param unitsWaiting units ordered and waiting for stock: backordered plus pre-ordered
 * @param incoming units of open purchase orders not received yet
 * @param mostBackordered the skus with the most backorders placed over the same 28 days
 */
record DemandReport(String sku, LocalDate today, List<Day> days, BigDecimal alpha, BigDecimal dailyForecast,
        long leadTimeDays, boolean leadTimeKnown, long forecastOverLeadTime, long unitsWaiting, long backordered,
        long preordered, long onHand, long incoming, long suggestedReorder, List<Backordered> mostBackordered) {

    static final List<String> CSV_HEADER = List.of("sku", "date", "orders", "units", "dailyForecast",
            "leadTimeDays", "forecastOverLeadTime", "unitsWaiting", "onHand", "incoming", "suggestedReorder");

    DemandReport {
        days = List.copyOf(days);
        mostBackordered = List.copyOf(mostBackordered);
    }

    /** One row per day; the product's figures repeated on each so that the file stays flat. */
    String csv() {
        Csv csv = new Csv(CSV_HEADER);
        for (Day day : days) {
            csv.row(Arrays.asList(sku, day.date(), day.orders(), day.units(), dailyForecast, leadTimeDays,
                    forecastOverLeadTime, unitsWaiting, onHand, incoming, suggestedReorder));
        }
        return csv.toString();
    }

    record Day(LocalDate date, long orders, long units) {
    }

    /** A sku's backorders (orders that could not ship from stock on arrival) and their units. */
    record Backordered(String sku, long backorders, long units) {
    }
}
