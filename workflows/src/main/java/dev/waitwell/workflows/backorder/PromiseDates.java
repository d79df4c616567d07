package dev.waitwell.workflows.backorder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a waiting order can honestly be promised: its last unit is the Nth unit of the queue, and the Nth
 * unit is covered by the first purchase order (earliest expected first) whose cumulative open quantity
 * reaches N; the promise is that order's expected date plus a buffer for picking and shipping. When no
 * purchase order covers it, the product's manual restock ETA (plus the buffer) stands in. Pure: used by
 * checkout and whenever a promise is recomputed.
 */
public final class PromiseDates {

    private PromiseDates() {}

    /**
     * @param unitsAhead waiting units ahead of the order in the queue
     * @param unitsNeeded the order's own units still to allocate
     * @param supply open purchase orders of the product, in any order
     * @param restockEta the product's manual restock date, or null
     * @param buffer time between goods in and goods out (whole days count)
     */
    public static Optional<LocalDate> promise(
            long unitsAhead, long unitsNeeded, List<IncomingSupply> supply, LocalDate restockEta, Duration buffer) {
        if (unitsAhead < 0 || unitsNeeded < 0) {
            throw new IllegalArgumentException("unit counts must not be negative");
        }
        long position = unitsAhead + unitsNeeded;
        long covered = 0;
        List<IncomingSupply> earliestFirst = supply.stream()
                .filter(s -> s.openQuantity() > 0)
                .sorted(Comparator.comparing(IncomingSupply::expectedDate)
                        .thenComparing(
                                IncomingSupply::purchaseOrderId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (IncomingSupply incoming : earliestFirst) {
            covered += incoming.openQuantity();
            if (covered >= position) {
                return Optional.of(incoming.expectedDate().plusDays(buffer.toDays()));
            }
        }
        return Optional.ofNullable(restockEta).map(eta -> eta.plusDays(buffer.toDays()));
    }
}
