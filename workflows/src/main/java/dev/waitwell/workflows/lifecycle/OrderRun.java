package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.Money;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state every step of an order's run shares, and the only way they change it: the status and timeline
 * (written as they change), the item and its promise, the money so far, a requested cancellation, and the wait
 * in progress. Steps receive this object; none of them knows the workflow that owns it.
 */
public final class OrderRun {

    private final OrderFacts facts;
    private final DatabaseSteps databaseSteps;
    private final OrderTimeline timeline;
    private final HistoryBudget budget;
    private final OrderTotals totals;
    private final OrderMessages messages = new OrderMessages(this);
    private final CurrentWait wait = new CurrentWait();
    private OrderStatus status;
    private OrderItem item;
    private LocalDate promisedDate;
    private boolean released;
    private boolean switched;
    private CancellationRequest cancellation;

    /**
     * @param upsertsSearchAttributes whether status and promise changes update the search attributes (version)
     * @param historyEventLimit how long this run's history may grow before it continues as new; 0 never
     * @param databaseSteps how this run calls its database-only activities (version)
     */
    public OrderRun(
            OrderFacts facts,
            RunState state,
            boolean upsertsSearchAttributes,
            int historyEventLimit,
            DatabaseSteps databaseSteps) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.databaseSteps = databaseSteps;
        this.timeline =
                new OrderTimeline(facts.orderId(), upsertsSearchAttributes, state.eventSequence(), databaseSteps);
        this.budget = new HistoryBudget(historyEventLimit > 0, historyEventLimit);
        this.totals = new OrderTotals(state.item().unitPrice().currency(), state.paid(), state.refunded());
        this.status = state.status();
        this.item = state.item();
        this.promisedDate = state.promisedDate();
        this.released = state.released();
        this.switched = state.switched();
    }

    /**
     * Timeline keys say what happened ({@code status:<STATUS>#k}, {@code event:<TYPE>#k}) from now on, counting on
     * from {@code counts} (version); without this call they are numbered by position as before.
     */
    public void useStableTimelineKeys(Map<String, Integer> counts) {
        timeline.useStableKeys(counts);
    }

    /** How many timeline entries of each kind the order has, for the next run; empty with position keys. */
    public Map<String, Integer> timelineCounts() {
        return timeline.counts();
    }

    /** A stub of database-only {@code activities} for this run's steps: local ones in runs that use them. */
    public <T> T databaseSteps(Class<T> activities) {
        return databaseSteps.stub(activities);
    }

    /** How the run continues as new once its history budget is spent: never returns. */
    public void continuesAsNewWith(Consumer<OrderPhase> continueAsNew) {
        budget.continuesWith(continueAsNew);
    }

    /** The run's state as the next run needs it. */
    public RunState state() {
        return new RunState(
                status,
                item,
                promisedDate,
                released,
                switched,
                timeline.eventSequence(),
                totals.paid(),
                totals.refunded());
    }

    // ---- status, timeline and messages

    public void changeStatus(OrderStatus next, String message) {
        status = next;
        timeline.status(next, item.sku(), message, null);
    }

    /** The final status of a cancelled order, with the reason reports group cancellations by. */
    public void markCancelled(String message, String reason) {
        status = OrderStatus.CANCELLED;
        timeline.status(status, item.sku(), message, reason);
    }

    public void recordEvent(String type, String message) {
        timeline.event(type, message);
    }

    /**
     * An event for an activity to write in its own transaction, under the next key of its type, set aside now: an
     * entry the activity does not write in the end (a declined charge) leaves its number unused, which this run's
     * later entries skip and a run rebuilt from the database may use again, harmlessly.
     */
    public OrderEvent eventWrittenBy(String type, String message) {
        return timeline.eventToWrite(type, message);
    }

    /**
     * Records an event that happens once per order, unless the timeline has it: a run rebuilt after the lost one
     * recorded it must not record it again under the next number.
     */
    public void recordEventOnce(String type, String message) {
        if (!timeline.hasEvent(type)) {
            timeline.event(type, message);
        }
    }

    public void recordPaymentMethod(String paymentMethod) {
        timeline.paymentMethod(paymentMethod);
    }

    public void notifyCustomer(NotificationRequest request) {
        timeline.notify(request);
    }

    public OrderMessages messages() {
        return messages;
    }

    // ---- the item, its promise and release

    /**
     * The promise moved: the new date (null: none can be given) is what messages see from now on; {@code record}
     * writes it (an activity), and then ops find the order by it.
     */
    public void promiseMoved(LocalDate date, Runnable record) {
        promisedDate = date;
        record.run();
        timeline.promiseMoved(date);
    }

    /** The product is out (released now, or its release date came). */
    public void markReleased() {
        released = true;
    }

    /** The customer took an in-stock alternative: the order is for it from now on, released and allocated. */
    public void switchTo(OrderItem alternative) {
        item = alternative;
        switched = true;
        released = true;
    }

    // ---- money

    /** A charge went through: it counts as paid. */
    public void recordCharge(Money amount) {
        totals.charged(amount);
    }

    /** Money went back to the customer. */
    public void recordRefund(Money amount) {
        totals.refunded(amount);
    }

    /** What the order costs now: the item's price times the quantity. */
    public Money total() {
        return item.unitPrice().times(facts.quantity());
    }

    /** What the customer has paid and not had back. */
    public Money netPaid() {
        return totals.netPaid();
    }

    /** What the customer still owes: positive to charge, negative to give back. */
    public Money due() {
        return totals.due(total());
    }

    // ---- waiting and cancellation

    /**
     * Waits until {@code fact} holds, or until {@code deadline} (null: no deadline). Returns whether the fact
     * holds. A cancellation ends every wait.
     */
    public boolean waitUntil(String what, Instant deadline, Supplier<Boolean> fact) {
        boolean happened = wait.await(what, deadline, fact, () -> cancellation != null);
        throwIfCancelled();
        return happened;
    }

    /** Asks for the order to be cancelled; the first request wins and every wait ends. */
    public void requestCancellation(CancellationRequest request) {
        if (cancellation == null) {
            cancellation = request;
        }
    }

    /** Unwinds the script (to the refund) once a cancellation was requested. */
    public void throwIfCancelled() {
        if (cancellation != null) {
            throw new OrderCancelled();
        }
    }

    public boolean cancellationPending() {
        return cancellation != null;
    }

    // ---- continue-as-new

    /** At a safe point of a wait: the history budget is spent, no handler runs and no cancellation is pending. */
    public boolean mayContinueAsNew() {
        return budget.spent() && cancellation == null && Workflow.isEveryHandlerFinished();
    }

    /** Ends this run; the next one resumes {@code phase} with everything gathered so far. Never returns. */
    public void continueAsNew(OrderPhase phase) {
        budget.continueAsNew(phase);
    }

    // ---- reads

    public String orderId() {
        return facts.orderId();
    }

    public Customer customer() {
        return facts.customer();
    }

    public int quantity() {
        return facts.quantity();
    }

    public String customerUrl() {
        return facts.customerUrl();
    }

    public OrderStatus status() {
        return status;
    }

    public OrderItem item() {
        return item;
    }

    public LocalDate promisedDate() {
        return promisedDate;
    }

    public boolean released() {
        return released;
    }

    public boolean switched() {
        return switched;
    }

    public long paid() {
        return totals.paid();
    }

    public long refunded() {
        return totals.refunded();
    }

    public String currency() {
        return totals.currency();
    }

    public CancellationRequest cancellation() {
        return cancellation;
    }

    /** What the order waits for now, in words; null between waits. */
    public String waitingFor() {
        return wait.what();
    }

    /** When the wait in progress ends by itself; null when it does not. */
    public Instant waitingUntil() {
        return wait.until();
    }
}
