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
 * @param mostBackordered the skus with the most backorders placed over the same 28 days, each with why
 */
record DemandReport(
        String sku,
        LocalDate today,
        List<Day> days,
        BigDecimal alpha,
        BigDecimal dailyForecast,
        long leadTimeDays,
        boolean leadTimeKnown,
        long forecastOverLeadTime,
        long unitsWaiting,
        long backordered,
        long preordered,
        long onHand,
        long incoming,
        long suggestedReorder,
        List<Backordered> mostBackordered) {

    static final List<String> CSV_HEADER = List.of(
            "sku",
            "date",
            "orders",
            "units",
            "dailyForecast",
            "leadTimeDays",
            "forecastOverLeadTime",
            "unitsWaiting",
            "onHand",
            "incoming",
            "suggestedReorder");

    DemandReport {
        days = List.copyOf(days);
        mostBackordered = List.copyOf(mostBackordered);
    }

    /**
     * One row per day; the product's figures repeated on each so that the file stays flat. The most backordered
     * skus and their reasons are in the JSON only: another table would make the file two.
     */
    String csv() {
        Csv csv = new Csv(CSV_HEADER);
        for (Day day : days) {
            csv.row(Arrays.asList(
                    sku,
                    day.date(),
                    day.orders(),
                    day.units(),
                    dailyForecast,
                    leadTimeDays,
                    forecastOverLeadTime,
                    unitsWaiting,
                    onHand,
                    incoming,
                    suggestedReorder));
        }
        return csv.toString();
    }

    record Day(LocalDate date, long orders, long units) {}

    /** A sku's backorders (orders that could not ship from stock on arrival), their units, and why. */
    record Backordered(String sku, long backorders, long units, Why why) {}

    /**
     * Why a sku's backorders of the window waited, as far as the stored data tells it. What stock was on hand and
     * how long the queue was when an order was placed are not kept (only the counters now), so this does not say
     * whether an order met an empty shelf or a queue ahead of it; nor are refused checkouts stored.
     *
     * @param placedWithOpenPurchaseOrder backorders placed while a purchase order of the sku was open (created, and
     *     not filled by the receipts up to then): supply was ordered but had not arrived
     * @param placedWithoutOpenPurchaseOrder backorders placed while none was (none recorded, or all received): no
     *     supply was on order, so the promise rested on the product's restock ETA
     * @param delayReasons how often each reason moved these backorders' promises later or to unknown (the reason
     *     customers were given; the same delays as the metrics report's), most frequent first
     * @param cancellationReasons the cancelled backorders by reason (the order's cancellation reason, else the one
     *     its workflow wrote on its timeline: the customer's choice after a delay, no answer, a payment never made,
     *     staff's reason; {@code unspecified} when neither says), most frequent first
     */
    record Why(
            long placedWithOpenPurchaseOrder,
            long placedWithoutOpenPurchaseOrder,
            List<MetricsReport.Count> delayReasons,
            List<MetricsReport.Count> cancellationReasons) {

        Why {
            delayReasons = List.copyOf(delayReasons);
            cancellationReasons = List.copyOf(cancellationReasons);
        }
    }
}
