package dev.waitwell.api.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.waitwell.api.audit.AuditEntry;
import dev.waitwell.api.delay.DecisionRecord;
import dev.waitwell.api.delay.PromiseChangeRecord;
import dev.waitwell.api.inventory.AllocationRecord;
import dev.waitwell.api.inventory.QueuePlace;
import dev.waitwell.api.ledger.LedgerLine;
import dev.waitwell.api.payment.DisputeRecord;
import dev.waitwell.api.payment.PaymentRecord;
import dev.waitwell.api.payment.PaymentTotals;
import dev.waitwell.api.payment.RefundRecord;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as staff see it: the details, its ledger lines and payments, its whole story from the database, and the
 * live workflow state ({@code workflow} is null, with {@code workflowNote} saying why, when the workflow cannot be
 * queried; its payment issue leaves out the bank's page). Lists are oldest first.
 *
 * @param payments every charge attempt and refund
 * @param refunds the refunds again, with why and of which charge
 * @param paymentTotals what the payments table holds: paid, refunded and the difference still held
 * @param disputes the customer's disputes of its charges with their bank (reported by Stripe)
 * @param allocations stock allocated to the order by receipts, releases and returned units
 * @param queue where the order stands in its product's allocation queue while it waits; else null
 * @param decisions how each delay was decided, by whom
 * @param promiseHistory each move of its promised date that a promise review found
 * @param audit the staff actions on the order: who, when, what, why
 * @param lastRebuiltAt when the order's workflow was last rebuilt from the database (Temporal had lost it); null
 *     when never
 * @param rebuilds how many times it was rebuilt
 * @param smsOptOut whether the customer's number gets SMS: it said STOP (or Twilio refused a message with error
 *     21610) and since when; its messages then go by email only
 */
record AdminOrderDetails(
        @JsonUnwrapped OrderDetails details,
        List<LedgerLine> ledger,
        List<PaymentRecord> payments,
        List<RefundRecord> refunds,
        PaymentTotals paymentTotals,
        List<DisputeRecord> disputes,
        List<AllocationRecord> allocations,
        QueuePlace queue,
        List<DecisionRecord> decisions,
        List<PromiseChangeRecord> promiseHistory,
        List<AuditEntry> audit,
        WorkflowStateView workflow,
        String workflowNote,
        OffsetDateTime lastRebuiltAt,
        long rebuilds,
        SmsOptOutView smsOptOut) {

    /** Whether a customer has disputed any of the order's charges with their bank. */
    @JsonProperty
    public boolean disputed() {
        return !disputes.isEmpty();
    }
}
