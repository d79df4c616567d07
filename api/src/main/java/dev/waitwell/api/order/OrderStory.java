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

/**
 * What happened to an order besides its payments: stock, delays, what staff did to it (each oldest first) and its
 * workflow's rebuilds.
 */
@Component
class OrderStory {

    private final AllocationHistory allocations;
    private final DelayHistory delays;
    private final StaffActions staffActions;
    private final WorkflowRebuilds rebuilds;
    private final SmsOptOutReader smsOptOuts;

    OrderStory(
            AllocationHistory allocations,
            DelayHistory delays,
            StaffActions staffActions,
            WorkflowRebuilds rebuilds,
            SmsOptOutReader smsOptOuts) {
        this.allocations = allocations;
        this.delays = delays;
        this.staffActions = staffActions;
        this.rebuilds = rebuilds;
        this.smsOptOuts = smsOptOuts;
    }

    Chapters of(String orderId) {
        return new Chapters(
                allocations.of(orderId),
                allocations.placeOf(orderId).orElse(null),
                delays.decisionsOf(orderId),
                delays.promiseChangesOf(orderId),
                staffActions.onOrder(orderId),
                rebuilds.of(orderId),
                smsOptOuts.of(orderId));
    }

    /**
     * @param queue the order's place in its product's queue while it waits for stock; else null
     * @param rebuilds when and how often Temporal lost its workflow and it was rebuilt from the database
     * @param smsOptOut whether the customer's number said STOP to SMS (for every order)
     */
    record Chapters(
            List<AllocationRecord> allocations,
            QueuePlace queue,
            List<DecisionRecord> decisions,
            List<PromiseChangeRecord> promiseHistory,
            List<AuditEntry> audit,
            WorkflowRebuilds.Summary rebuilds,
            SmsOptOutView smsOptOut) {}
}
