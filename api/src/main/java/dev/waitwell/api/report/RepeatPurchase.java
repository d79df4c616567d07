package dev.waitwell.api.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the customers of a scope's orders came back: for each order placed in the report's period (an index order),
 * did its customer place another order within {@code window} after it. An order placed after
 * {@code observableUntil} (less than a window ago) is {@code pending}: it is counted but left out of the rates, which
 * would otherwise read low. {@code delayed} and {@code undelayed} split {@code waited}; then the cancellations that
 * followed a delay notice.
 */
record RepeatPurchase(
        String window,
        Instant observableUntil,
        Group waited,
        Group inStock,
        Group delayed,
        Group undelayed,
        CancellationAfterDelay cancellationAfterDelay) {

    static final List<String> GROUPS = List.of("waited", "inStock", "delayed", "undelayed");
    static final List<String> CSV_HEADER = header();

    static RepeatPurchase none(Duration window, Instant observableUntil) {
        return new RepeatPurchase(
                days(window),
                observableUntil,
                Group.NONE,
                Group.NONE,
                Group.NONE,
                Group.NONE,
                CancellationAfterDelay.of(0, 0, 0, 0, 0));
    }

    /** ISO-8601, in days when it is whole days ({@code P90D} rather than {@code PT2160H}). */
    static String days(Duration window) {
        return window.toSeconds() % 86_400 == 0 && window.toNanosPart() == 0
                ? "P" + window.toDays() + "D"
                : window.toString();
    }

    /** In the order of {@link #CSV_HEADER}. */
    List<Object> csvCells() {
        List<Object> cells = new ArrayList<>();
        cells.add(window);
        for (Group group : List.of(waited, inStock, delayed, undelayed)) {
            cells.addAll(List.of(
                    group.orders(),
                    group.pending(),
                    group.observable(),
                    group.repeatedOrders(),
                    group.customers(),
                    group.repeatedCustomers()));
            cells.add(group.orderRate());
            cells.add(group.rate());
        }
        CancellationAfterDelay cancellations = cancellationAfterDelay;
        cells.addAll(List.of(
                cancellations.orders(),
                cancellations.undecided(),
                cancellations.cancelled(),
                cancellations.customerChose(),
                cancellations.noAnswer(),
                cancellations.otherReasons()));
        cells.add(cancellations.rate());
        return cells;
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("repeatPurchase.window");
        for (String group : GROUPS) {
            for (String figure : List.of(
                    "orders",
                    "pending",
                    "observable",
                    "repeatedOrders",
                    "customers",
                    "repeatedCustomers",
                    "orderRate",
                    "rate")) {
                header.add("repeatPurchase." + group + "." + figure);
            }
        }
        for (String figure :
                List.of("orders", "undecided", "cancelled", "customerChose", "noAnswer", "otherReasons", "rate")) {
            header.add("repeatPurchase.cancellationAfterDelay." + figure);
        }
        return List.copyOf(header);
    }

    /**
     * Index orders of one kind: {@code observable} = {@code orders} − {@code pending}. {@code repeatedOrders}: the
     * observable ones followed by another order of their customer within the window; {@code orderRate} = that /
     * {@code observable}. {@code customers}: the distinct customers of the observable ones; {@code repeatedCustomers}:
     * those who ordered again after at least one of them; {@code rate} = that / {@code customers}.
     */
    record Group(
            long orders,
            long pending,
            long observable,
            long repeatedOrders,
            BigDecimal orderRate,
            long customers,
            long repeatedCustomers,
            BigDecimal rate) {

        static final Group NONE = of(0, 0, 0, 0, 0);

        static Group of(long orders, long pending, long repeatedOrders, long customers, long repeatedCustomers) {
            long observable = orders - pending;
            return new Group(
                    orders,
                    pending,
                    observable,
                    repeatedOrders,
                    Ratio.rate(repeatedOrders, observable),
                    customers,
                    repeatedCustomers,
                    Ratio.rate(repeatedCustomers, customers));
        }
    }

    /**
     * Index orders that got a delay notice, and those of them now cancelled (a cancelled order is final, so the
     * cancellation came after the notice): because the customer chose CANCEL, because nobody answered where silence
     * cancels, or for another reason (support's, an unpaid balance). {@code undecided} ones still wait for an answer
     * and are left out of {@code rate} = {@code cancelled} / ({@code orders} − {@code undecided}).
     */
    record CancellationAfterDelay(
            long orders,
            long undecided,
            long cancelled,
            long customerChose,
            long noAnswer,
            long otherReasons,
            BigDecimal rate) {

        static CancellationAfterDelay of(
                long orders, long undecided, long cancelled, long customerChose, long noAnswer) {
            return new CancellationAfterDelay(
                    orders,
                    undecided,
                    cancelled,
                    customerChose,
                    noAnswer,
                    cancelled - customerChose - noAnswer,
                    Ratio.rate(cancelled, orders - undecided));
        }
    }
}
