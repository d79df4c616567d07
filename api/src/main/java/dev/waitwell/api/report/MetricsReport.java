package dev.waitwell.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of the orders placed from {@code from} (inclusive) to {@code to} (exclusive), days in {@code zone}:
 * {@code overall}, then one entry per sku.
 */
record MetricsReport(LocalDate from, LocalDate to, String zone, String sku, Scope overall, List<Scope> skus) {

    static final List<String> CSV_HEADER = columns(
            "sku",
            "orders",
            "backorders",
            "backorderRate",
            "unitsOrdered",
            "unitsShipped",
            "fillRate",
            "shippedOrders",
            "onTimeOrders",
            "onTimeRate",
            "averageWaitDays",
            "p90WaitDays",
            "delays",
            "delayReasons",
            "cancellations",
            "refunds",
            "depositsHeld",
            "surveys",
            "surveyResponses",
            "surveyResponseRate",
            "satisfactionAverage",
            "satisfactionDistribution",
            "satisfactionByKind",
            "satisfactionDelayed",
            "satisfactionNotDelayed");

    MetricsReport {
        skus = List.copyOf(skus);
    }

    /** A scope's own columns, then those of its parts. */
    private static List<String> columns(String... own) {
        List<String> columns = new ArrayList<>(List.of(own));
        columns.addAll(RepeatPurchase.CSV_HEADER);
        return List.copyOf(columns);
    }

    /** Named counts and amounts become {@code name=count;...} and {@code EUR 1000;...} in a cell. */
    String csv() {
        Csv csv = new Csv(CSV_HEADER);
        List<Scope> rows = new ArrayList<>();
        rows.add(overall);
        rows.addAll(skus);
        for (Scope scope : rows) {
            List<Object> cells = new ArrayList<>(java.util.Arrays.asList(
                    scope.sku() == null ? "ALL" : scope.sku(),
                    scope.orders(),
                    scope.backorders(),
                    scope.backorderRate(),
                    scope.unitsOrdered(),
                    scope.unitsShipped(),
                    scope.fillRate(),
                    scope.shippedOrders(),
                    scope.onTimeOrders(),
                    scope.onTimeRate(),
                    scope.averageWaitDays(),
                    scope.p90WaitDays(),
                    scope.delays(),
                    counts(scope.delayReasons()),
                    counts(scope.cancellations()),
                    amounts(scope.refunds()),
                    amounts(scope.depositsHeld())));
            cells.addAll(SatisfactionCells.of(scope.satisfaction()));
            cells.addAll(scope.repeatPurchase().csvCells());
            csv.row(cells);
        }
        return csv.toString();
    }

    private static String counts(List<Count> counts) {
        return String.join(
                ";",
                counts.stream()
                        .map(count -> count.reason() + "=" + count.count())
                        .toList());
    }

    private static String amounts(List<Amount> amounts) {
        return String.join(
                ";",
                amounts.stream()
                        .map(amount -> amount.currency() + " " + amount.amount())
                        .toList());
    }

    /**
     * One sku's figures (or all of them: {@code sku} null). Rates have 4 decimal places, days 2; null when
     * there is nothing to divide by. {@code repeatPurchase}: whether its orders' customers came back.
     */
    record Scope(
            String sku,
            long orders,
            long backorders,
            BigDecimal backorderRate,
            long unitsOrdered,
            long unitsShipped,
            BigDecimal fillRate,
            long shippedOrders,
            long onTimeOrders,
            BigDecimal onTimeRate,
            BigDecimal averageWaitDays,
            Long p90WaitDays,
            long delays,
            List<Count> delayReasons,
            List<Count> cancellations,
            List<Amount> refunds,
            List<Amount> depositsHeld,
            RepeatPurchase repeatPurchase,
            Satisfaction satisfaction) {

        Scope {
            delayReasons = List.copyOf(delayReasons);
            cancellations = List.copyOf(cancellations);
            refunds = List.copyOf(refunds);
            depositsHeld = List.copyOf(depositsHeld);
        }
    }

    /** How many times a reason was given. */
    record Count(String reason, long count) {}

    /** Money in minor units. */
    record Amount(String currency, long amount) {}
}
