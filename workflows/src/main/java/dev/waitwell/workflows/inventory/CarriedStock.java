package dev.waitwell.workflows.inventory;

import java.util.List;

/**
 * An order's units as one run hands them to the next when it continues as new: units allocated so far, the
 * allocation ids already counted (a repeated signal counts once), and whether the allocations the database held
 * before the order waited were read already. Never rename or remove a field (the JSON names them).
 */
public record CarriedStock(int allocatedUnits, List<Long> allocationIds, boolean caughtUp) {

    public CarriedStock {
        allocationIds = allocationIds == null ? List.of() : List.copyOf(allocationIds);
    }
}
