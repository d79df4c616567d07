package dev.waitwell.api.order;

import dev.waitwell.api.audit.AuditEntry;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.delay.DecisionRecord;
import dev.waitwell.api.delay.DelayHistory;
import dev.waitwell.api.delay.PromiseChangeRecord;
import dev.waitwell.api.inventory.AllocationHistory;
import dev.waitwell.api.inventory.AllocationRecord;
import dev.waitwell.api.inventory.QueuePlace;
import java.util.List;
import org.springframework.stereotype.Component;

/** What happened to an order besides its payments: stock, delays and what staff did to it, each oldest first. */
@Component
class OrderStory {

    private final AllocationHistory allocations;
    private final DelayHistory delays;
    private final StaffActions staffActions;

    OrderStory(AllocationHistory allocations, DelayHistory delays, StaffActions staffActions) {
        this.allocations = allocations;
        this.delays = delays;
        this.staffActions = staffActions;
    }

    Chapters of(String orderId) {
        return new Chapters(
                allocations.of(orderId),
                allocations.placeOf(orderId).orElse(null),
                delays.decisionsOf(orderId),
                delays.promiseChangesOf(orderId),
                staffActions.onOrder(orderId));
    }

    /** @param queue the order's place in its product's queue while it waits for stock; else null */
    record Chapters(
            List<AllocationRecord> allocations,
            QueuePlace queue,
            List<DecisionRecord> decisions,
            List<PromiseChangeRecord> promiseHistory,
            List<AuditEntry> audit) {}
}
