package dev.waitwell.api.report;

import dev.waitwell.api.report.MetricsReport.Amount;
import dev.waitwell.api.report.MetricsReport.Count;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Adds up the orders of one scope (a sku, or all) into its metrics. */
final class Tally {

    private static final String UNSPECIFIED = "unspecified";

    private Tally() {}

    static MetricsReport.Scope of(
            String sku,
            List<OrderFact> orders,
            List<Keyed> delayReasons,
            List<Keyed> refunds,
            List<Keyed> deposits,
            RepeatPurchase repeatPurchase,
            Satisfaction satisfaction) {
        long backorders = orders.stream().filter(order -> !order.fromStock()).count();
        long unitsOrdered = orders.stream().mapToLong(OrderFact::quantity).sum();
        List<OrderFact> shipped = orders.stream()
                .filter(order -> order.shipped() && order.shippedDay() != null)
                .toList();
        long unitsShipped = orders.stream()
                .filter(OrderFact::shipped)
                .mapToLong(OrderFact::quantity)
                .sum();
        long onTime = shipped.stream().filter(OrderFact::onTime).count();
        List<Long> waits = shipped.stream().map(OrderFact::waitDays).sorted().toList();
        long waitSum = waits.stream().mapToLong(Long::longValue).sum();
        List<Count> cancellations = counts(orders.stream()
                .filter(OrderFact::cancelled)
                .collect(Collectors.groupingBy(
                        order -> reasonOf(order.cancellationReason()), TreeMap::new, Collectors.counting())));
        return new MetricsReport.Scope(
                sku,
                orders.size(),
                backorders,
                Ratio.rate(backorders, orders.size()),
                unitsOrdered,
                unitsShipped,
                Ratio.rate(unitsShipped, unitsOrdered),
                shipped.size(),
                onTime,
                Ratio.rate(onTime, shipped.size()),
                Ratio.of(waitSum, waits.size(), Ratio.DAYS_SCALE),
                p90(waits),
                orders.stream().mapToLong(OrderFact::delays).sum(),
                counts(sum(delayReasons, sku)),
                cancellations,
                amounts(sum(refunds, sku)),
                amounts(sum(deposits, sku)),
                repeatPurchase,
                satisfaction);
    }

    /** Nearest rank: the smallest wait that at least 90% of the waits do not exceed. */
    static Long p90(List<Long> sortedWaits) {
        if (sortedWaits.isEmpty()) {
            return null;
        }
        int rank = (int) ((9L * sortedWaits.size() + 9) / 10); // ceil(0.9 n), in whole numbers
        return sortedWaits.get(rank - 1);
    }

    static String reasonOf(String reason) {
        return reason == null || reason.isBlank() ? UNSPECIFIED : reason;
    }

    private static Map<String, Long> sum(List<Keyed> rows, String sku) {
        return rows.stream()
                .filter(row -> sku == null || sku.equals(row.sku()))
                .collect(Collectors.groupingBy(Keyed::key, TreeMap::new, Collectors.summingLong(Keyed::value)));
    }

    private static List<Count> counts(Map<String, Long> byReason) {
        return list(byReason.entrySet(), entry -> new Count(entry.getKey(), entry.getValue()));
    }

    private static List<Amount> amounts(Map<String, Long> byCurrency) {
        return list(byCurrency.entrySet(), entry -> new Amount(entry.getKey(), entry.getValue()));
    }

    private static <T> List<T> list(
            Collection<Map.Entry<String, Long>> entries, Function<Map.Entry<String, Long>, T> mapping) {
        return entries.stream().map(mapping).toList();
    }

    /** A figure per sku and key (a reason or a currency). */
    record Keyed(String sku, String key, long value) {}
}
