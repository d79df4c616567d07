package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.shared.Money;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The order workflow. {@link #fulfil} reads as the order's script; the state it keeps is what its
 * query answers. Waits end on a fact (signal or update) or on a durable timer. A long wait continues as
 * new once the run's history passes its budget, and the next run resumes the script at that wait.
 */
public class OrderWorkflowImpl implements OrderWorkflow {

    /** Version 1: units come from the allocation queue (receipts, releases, returns) instead of directly. */
    static final String ALLOCATION_QUEUE = "allocation-queue";
    /** Version 1: promise changes, delay decisions, reminders while waiting. */
    static final String DELAY_PROCESS = "delay-process";
    /** Version 1: search attributes upserted at every status change and promise move. */
    static final String SEARCH_ATTRIBUTES = "search-attributes";

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final OrderActivities orders = Workflow.newActivityStub(OrderActivities.class, OrderActivityOptions.DURABLE);
    private final InventoryActivities inventory =
            Workflow.newActivityStub(InventoryActivities.class, OrderActivityOptions.DURABLE);
    private final LedgerActivities ledger = Workflow.newActivityStub(LedgerActivities.class, OrderActivityOptions.DURABLE);
    private final DelayActivities delayActivities = Workflow.newActivityStub(DelayActivities.class,
            OrderActivityOptions.DURABLE);

    private PlaceOrderInput input;
    private OrderTimeline timeline;
    private OrderMessages messages;
    private PaymentCollector payments;
    private StockKeeper stock;
    private DelayProcess delays;
    private HistoryBudget budget;
    private OrderContinuation.Phase resumedAt;
    private int run = 1;
    private OrderItem item;
    private boolean switched;
    private OrderStatus status = OrderStatus.AWAITING_RELEASE;
    private boolean fulfilmentRequested;
    private boolean released;
    private boolean checkoutSettled;
    private Shipment shipment;
    private CancellationRequest cancellation;
    private String waitingFor;
    private Instant waitingUntil;

    @Override
    public OrderOutcome fulfil(PlaceOrderInput input) {
        start(input);
        try {
            if (resumedAt == null) {
                payments.collectAtCheckout(status);
                checkoutSettled = true;
                confirm();
            }
            if (input.kind() == OrderKind.PREORDER && !reached(OrderContinuation.Phase.STOCK)) {
                awaitRelease();
                chargeBalance();
            }
            if (!reached(OrderContinuation.Phase.SHIPMENT)) {
                stock.awaitAllocation();
                if (input.kind() != OrderKind.PREORDER) {
                    chargeOnAllocation();
                }
                requestFulfilment();
            }
            awaitShipment();
            ship();
        } catch (OrderCancelledException cancelled) {
            cancelAndRefund();
        }
        Workflow.await(Workflow::isEveryHandlerFinished);
        return new OrderOutcome(input.orderId(), status, currency(), payments.paid(), payments.refunded());
    }

    private void start(PlaceOrderInput input) {
        // Orders started before the allocation queue existed allocate their units directly on release.
        int version = Workflow.getVersion(ALLOCATION_QUEUE, Workflow.DEFAULT_VERSION, 1);
        int delayVersion = Workflow.getVersion(DELAY_PROCESS, Workflow.DEFAULT_VERSION, 1);
        boolean upsertsSearchAttributes = Workflow.getVersion(SEARCH_ATTRIBUTES, Workflow.DEFAULT_VERSION, 1) >= 1;
        int budgetVersion = Workflow.getVersion(HistoryBudget.CONTINUE_AS_NEW, Workflow.DEFAULT_VERSION, 1);
        this.input = input;
        this.timeline = new OrderTimeline(input.orderId(), upsertsSearchAttributes);
        this.budget = new HistoryBudget(budgetVersion >= 1, input.policy().historyEventLimit());
        this.item = new OrderItem(input.sku(), input.productName(), input.unitPrice());
        this.status = switch (input.kind()) {
            case PREORDER -> OrderStatus.AWAITING_RELEASE;
            case BACKORDER -> OrderStatus.AWAITING_STOCK;
            case IN_STOCK -> OrderStatus.READY_TO_SHIP;
        };
        this.messages = new OrderMessages(this);
        this.payments = new PaymentCollector(this, Workflow.newActivityStub(PaymentActivities.class,
                OrderActivityOptions.DURABLE), input);
        this.stock = new StockKeeper(this, inventory, input, version >= 1, delayVersion >= 1);
        this.delays = new DelayProcess(this, delayActivities, messages,
                new ItemSwitch(this, delayActivities, payments, stock), delayVersion >= 1);
        if (input.continuation() == null) {
            log.info("Order {} started: {} x{} {}", input.orderId(), input.sku(), input.quantity(), input.paymentPlan());
        } else {
            resume(input.continuation());
        }
    }

    /** A run that continues an earlier one: its state as that run left it, and the wait to resume. */
    private void resume(OrderContinuation carried) {
        resumedAt = carried.phase();
        run = carried.run();
        status = carried.status();
        item = carried.item();
        switched = carried.switched();
        released = carried.released();
        fulfilmentRequested = carried.fulfilmentRequested();
        timeline.resume(carried.eventSequence());
        checkoutSettled = true;
        payments.resume(carried.payments());
        stock.resume(carried.stock());
        delays.resume(carried.delays());
        log.info("Order {} resumes {} in run {}", input.orderId(), resumedAt, run);
    }

    /** Whether the run this one continues had got as far as {@code phase}; never for a first run. */
    private boolean reached(OrderContinuation.Phase phase) {
        return resumedAt != null && resumedAt.isAtOrAfter(phase);
    }

    private void confirm() {
        throwIfCancelled();
        notifyCustomer(messages.milestone(Milestone.CONFIRMED, Milestone.CONFIRMED.name(), netPaid()));
    }

    private void awaitRelease() {
        if (!reached(OrderContinuation.Phase.RELEASE)) {
            delays.await(OrderContinuation.Phase.RELEASE_REMINDER, "the pre-release reminder",
                    () -> delays.releaseAt() == null ? null
                            : delays.releaseAt().minus(input.policy().preReleaseReminder()),
                    () -> released, false);
            if (!released) {
                notifyCustomer(messages.milestone(Milestone.RELEASE_REMINDER, Milestone.RELEASE_REMINDER.name(),
                        total().minus(netPaid())));
            }
        }
        delays.await(OrderContinuation.Phase.RELEASE, "the product's release", delays::releaseAt, () -> released,
                false);
        released = true;
        if (switched) {
            return;
        }
        recordEvent("PRODUCT_RELEASED", item.productName() + " is released");
        stock.joinQueueOnRelease();
    }

    private void chargeBalance() {
        if (switched) {
            return;
        }
        Money balance = total().minus(netPaid());
        payments.collect(ChargePurpose.BALANCE, balance, OrderStatus.AWAITING_STOCK);
        Milestone milestone = balance.isPositive() ? Milestone.CHARGED : Milestone.RELEASED;
        notifyCustomer(messages.milestone(milestone, milestone.name(), balance));
    }

    /** Backorders and in-stock orders: what the plan left to pay is due once the units are allocated. */
    private void chargeOnAllocation() {
        Money balance = total().minus(netPaid());
        if (balance.isPositive()) {
            payments.collect(ChargePurpose.BALANCE, balance, OrderStatus.READY_TO_SHIP);
            notifyCustomer(messages.milestone(Milestone.CHARGED, Milestone.CHARGED.name(), balance));
        }
    }

    private void requestFulfilment() {
        throwIfCancelled();
        orders.requestFulfilment(new FulfilmentRequest(input.orderId(), item.sku(), input.quantity(), input.customer()));
        fulfilmentRequested = true;
        changeStatus(OrderStatus.READY_TO_SHIP, "Paid and allocated; the warehouse was asked to ship");
    }

    private void awaitShipment() {
        waitUntil("the warehouse's shipment confirmation", null, () -> shipment != null || mayContinueAsNew());
        if (shipment == null) {
            continueAsNew(OrderContinuation.Phase.SHIPMENT);
        }
    }

    private void ship() {
        orders.recordShipment(new ShipmentRecord(input.orderId(), shipment));
        stock.dispatch();
        ledger.recognizeRevenue(new RevenueRecognition(input.orderId(), netPaid()));
        changeStatus(OrderStatus.SHIPPED, "Shipped with " + shipment.carrier() + ", tracking " + shipment.trackingNumber());
        notifyCustomer(messages.shipped(shipment));
    }

    private void cancelAndRefund() {
        // Units go back to the queue before the refund: a slow gateway must not hold stock others wait for.
        if (delays.enabled()) {
            stock.giveBack();
        }
        Money refunded = payments.refundAll(cancellation.reason());
        if (!delays.enabled()) {
            stock.giveBack();
        }
        status = OrderStatus.CANCELLED;
        timeline.status(status, item.sku(), "Cancelled by " + cancellation.requestedBy() + ": "
                + cancellation.reason() + "; refunded " + refunded.display(), cancellation.reason());
        notifyCustomer(messages.cancelled(refunded, cancellation.reason()));
    }

    /** The customer took an in-stock alternative (see {@link ItemSwitch}): it is released and allocated. */
    void switchedTo(OrderItem alternative) {
        item = alternative;
        switched = true;
        released = true;
    }

    void promiseMoved(LocalDate promisedDate) {
        timeline.promiseMoved(promisedDate);
    }

    boolean released() {
        return released;
    }

    // ---- continue-as-new

    /** At a safe point of a wait: the history budget is spent, no handler runs and no cancellation is pending. */
    boolean mayContinueAsNew() {
        return budget.spent() && cancellation == null && Workflow.isEveryHandlerFinished();
    }

    /** Ends this run; the next one resumes {@code phase} with everything gathered so far. Never returns. */
    void continueAsNew(OrderContinuation.Phase phase) {
        OrderContinuation next = new OrderContinuation(run + 1, phase, status, item, switched, released,
                fulfilmentRequested, timeline.eventSequence(), payments.carried(), stock.carried(), delays.carried());
        log.info("Order {} continues as new at {} after {} history events (run {} follows)", input.orderId(), phase,
                Workflow.getInfo().getHistoryLength(), next.run());
        Workflow.continueAsNew(input.continuedWith(next));
    }

    boolean cancellationPending() {
        return cancellation != null;
    }

    // ---- waiting, status and timeline: shared by the steps and the payment collector

    /**
     * Waits until {@code fact} holds, or until {@code deadline} (null: no deadline). Returns whether the
     * fact holds. A cancellation ends every wait.
     */
    boolean waitUntil(String what, Instant deadline, Supplier<Boolean> fact) {
        waitingFor = what;
        waitingUntil = deadline;
        // Shown in the Temporal UI: what the order waits for and until when (no history event).
        Workflow.setCurrentDetails("Waiting for " + what + (deadline == null ? "" : " until " + deadline));
        if (!fact.get() && cancellation == null) {
            if (deadline == null) {
                Workflow.await(() -> fact.get() || cancellation != null);
            } else {
                Duration left = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), deadline);
                if (left.compareTo(Duration.ZERO) > 0) {
                    Workflow.await(left, () -> fact.get() || cancellation != null);
                }
            }
        }
        boolean happened = fact.get();
        waitingFor = null;
        waitingUntil = null;
        throwIfCancelled();
        return happened;
    }

    void throwIfCancelled() {
        if (cancellation != null) {
            throw new OrderCancelledException();
        }
    }

    void requestCancellation(CancellationRequest request) {
        if (cancellation == null) {
            cancellation = request;
        }
    }

    void changeStatus(OrderStatus next, String message) {
        status = next;
        timeline.status(next, item.sku(), message);
    }

    void recordEvent(String type, String message) {
        timeline.event(type, message);
    }

    void notifyCustomer(NotificationRequest request) {
        timeline.notify(request);
    }

    OrderStatus status() {
        return status;
    }

    void recordPaymentMethod(String paymentMethod) {
        timeline.paymentMethod(paymentMethod);
    }

    PlaceOrderInput input() {
        return input;
    }

    OrderMessages messages() {
        return messages;
    }

    OrderItem item() {
        return item;
    }

    LocalDate promisedDate() {
        return delays.promisedDate();
    }

    DelayProcess delays() {
        return delays;
    }

    Money total() {
        return item.unitPrice().times(input.quantity());
    }

    /** What the customer has paid and not had back. */
    Money netPaid() {
        return Money.of(payments.paid() - payments.refunded(), currency());
    }

    private String currency() {
        return input.unitPrice().currency();
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    // ---- signals, updates, query

    @Override
    public void productReleased() {
        released = true;
    }

    @Override
    public void stockAllocated(StockAllocation allocation) {
        stock.allocated(allocation);
    }

    @Override
    public void promiseChanged(PromiseChange change) {
        delays.promiseChanged(change);
    }

    @Override
    public void validateDecide(DelayDecision decision) {
        delays.validate(decision);
    }

    @Override
    public OrderState decide(DelayDecision decision) {
        delays.decideNow(decision);
        return state();
    }

    @Override
    public OrderState awaitCheckout() {
        Workflow.await(() -> checkoutSettled || status == OrderStatus.AWAITING_PAYMENT || status.isFinal());
        return state();
    }

    @Override
    public void validateConfirmShipment(Shipment shipment) {
        if (status != OrderStatus.READY_TO_SHIP || !fulfilmentRequested || this.shipment != null
                || cancellation != null) {
            throw new IllegalStateException("Order " + input.orderId() + " is " + status
                    + (this.shipment != null ? " and already has a shipment" : "") + ": only an order that is "
                    + OrderStatus.READY_TO_SHIP + " can be shipped");
        }
    }

    @Override
    public OrderState confirmShipment(Shipment shipment) {
        this.shipment = shipment;
        Workflow.await(() -> status.isFinal());
        return state();
    }

    @Override
    public void validateCancel(CancellationRequest request) {
        if (status.isFinal() || cancellation != null || shipment != null) {
            throw new IllegalStateException("Order " + input.orderId() + " is " + status
                    + (cancellation != null && !status.isFinal() ? " and already being cancelled" : "")
                    + (shipment != null && !status.isFinal() ? " and being shipped" : "")
                    + ": it can no longer be cancelled");
        }
    }

    @Override
    public OrderState cancel(CancellationRequest request) {
        requestCancellation(request);
        Workflow.await(() -> status.isFinal());
        return state();
    }

    @Override
    public void validateChangePaymentMethod(PaymentMethodChange change) {
        if (status.isFinal()) {
            throw new IllegalStateException("Order " + input.orderId() + " is " + status
                    + ": its payment method can no longer change");
        }
    }

    @Override
    public OrderState changePaymentMethod(PaymentMethodChange change) {
        payments.changeMethod(change);
        return state();
    }

    @Override
    public void validateRetryPayment(PaymentRetry retry) {
        if (status != OrderStatus.AWAITING_PAYMENT || !payments.declineOutstanding()) {
            throw new IllegalStateException("Order " + input.orderId() + " is " + status + ", not "
                    + OrderStatus.AWAITING_PAYMENT + ": there is no declined payment to retry");
        }
    }

    @Override
    public OrderState retryPayment(PaymentRetry retry) {
        payments.retryNow();
        return state();
    }

    @Override
    public OrderState state() {
        return new OrderState(input.orderId(), status, currency(), total().amountMinor(), payments.paid(),
                payments.refunded(), payments.method(), delays.promisedDate(), released, checkoutSettled,
                payments.lastError(), waitingFor, waitingUntil, shipment,
                cancellation == null ? null : cancellation.reason(), stock.allocatedUnits(), delays.openDecision(),
                item.sku(), delays.rewardCode());
    }
}
