package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.PromiseTerms;
import dev.waitwell.workflows.lifecycle.OrderFacts;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.RunState;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything an order workflow needs, fixed at checkout.
 *
 * @param firstPayment what is charged at checkout: the total (FULL), the deposit (DEPOSIT) or zero (PAY_LATER)
 * @param releaseAt pre-orders: the instant the product is released by itself (start of {@code releaseDate} in
 *     the shop's zone); null for other kinds
 * @param allocatedAtCheckout units allocated to the order in the checkout transaction (all of them for
 *     {@code IN_STOCK}; absent in histories from before backorders, read as zero)
 * @param latestAcceptableDate the latest promise the order accepts without a new choice: placement plus the
 *     product's maximum wait for a backorder, the release date plus the maximum slip for a pre-order; null
 *     for no limit (and in histories from before the delay process)
 * @param customerUrl the signed self-service link sent in every message
 * @param continuation null at checkout; in a run that continued as new, where the previous run stopped and
 *     everything it had gathered (see {@link OrderContinuation})
 */
public record PlaceOrderInput(
        String orderId,
        OrderKind kind,
        Customer customer,
        String sku,
        String productName,
        int quantity,
        Money unitPrice,
        PaymentPlan paymentPlan,
        String paymentMethod,
        Money firstPayment,
        LocalDate releaseDate,
        Instant releaseAt,
        LocalDate promisedDate,
        String customerUrl,
        OrderPolicy policy,
        int allocatedAtCheckout,
        LocalDate latestAcceptableDate,
        OrderContinuation continuation) {

    public PlaceOrderInput {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(paymentPlan, "paymentPlan");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(firstPayment, "firstPayment");
        if (kind == OrderKind.PREORDER) {
            Objects.requireNonNull(releaseAt, "releaseAt");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (allocatedAtCheckout < 0 || allocatedAtCheckout > quantity) {
            throw new IllegalArgumentException("allocatedAtCheckout must be 0.." + quantity);
        }
        policy = policy == null ? OrderPolicy.DEFAULT : policy;
    }

    /** The input of an order as checkout starts it. */
    public PlaceOrderInput(
            String orderId,
            OrderKind kind,
            Customer customer,
            String sku,
            String productName,
            int quantity,
            Money unitPrice,
            PaymentPlan paymentPlan,
            String paymentMethod,
            Money firstPayment,
            LocalDate releaseDate,
            Instant releaseAt,
            LocalDate promisedDate,
            String customerUrl,
            OrderPolicy policy,
            int allocatedAtCheckout,
            LocalDate latestAcceptableDate) {
        this(
                orderId,
                kind,
                customer,
                sku,
                productName,
                quantity,
                unitPrice,
                paymentPlan,
                paymentMethod,
                firstPayment,
                releaseDate,
                releaseAt,
                promisedDate,
                customerUrl,
                policy,
                allocatedAtCheckout,
                latestAcceptableDate,
                null);
    }

    /** The same order, for the next run, carrying what the run before it gathered. */
    PlaceOrderInput continuedWith(OrderContinuation next) {
        return new PlaceOrderInput(
                orderId,
                kind,
                customer,
                sku,
                productName,
                quantity,
                unitPrice,
                paymentPlan,
                paymentMethod,
                firstPayment,
                releaseDate,
                releaseAt,
                promisedDate,
                customerUrl,
                policy,
                allocatedAtCheckout,
                latestAcceptableDate,
                next);
    }

    /**
     * The same order, resumed from what PostgreSQL records it has done, for a run started when Temporal no longer
     * had its workflow: the run goes on in the wait the record's status names (with an open decision or a declined
     * charge in it), and every counter its keys are built from goes on from the record's (see
     * {@link OrderContinuation}). Called on the checkout input.
     *
     * @throws IllegalArgumentException when this is not a checkout input, or the record contradicts itself (a
     *     decision awaited without one recorded, a release awaited by an order that is not a pre-order)
     */
    public PlaceOrderInput rebuiltFrom(OrderRecord record) {
        if (continuation != null) {
            throw new IllegalArgumentException("Order " + orderId + ": rebuild from the checkout input");
        }
        Objects.requireNonNull(record, "record");
        boolean onlyTheFirstAttempt = record.chargeAttempts() <= 1 && record.lastPaymentError() == null;
        if (!record.confirmationSent() && record.status() != OrderStatus.AWAITING_PAYMENT && onlyTheFirstAttempt) {
            // Lost during checkout, before the confirmation: checkout again. Its charge, status and message keys are
            // the ones the lost run used, so what it had done is found, not done twice.
            return this;
        }
        return continuedWith(OrderRebuild.continuationOf(this, record));
    }

    /** Who the order is for and how many units, as every step and message names them. */
    OrderFacts facts() {
        return new OrderFacts(orderId, customer, quantity, customerUrl);
    }

    /** What the order's promise is measured against. */
    PromiseTerms promiseTerms() {
        return new PromiseTerms(promisedDate, latestAcceptableDate, releaseAt, kind == OrderKind.PREORDER, policy);
    }

    /** The run's state at checkout: the status the order's kind starts in, the product ordered, its promise. */
    RunState atCheckout() {
        OrderStatus status = switch (kind) {
            case PREORDER -> OrderStatus.AWAITING_RELEASE;
            case BACKORDER -> OrderStatus.AWAITING_STOCK;
            case IN_STOCK -> OrderStatus.READY_TO_SHIP;
        };
        return RunState.atCheckout(status, new OrderItem(sku, productName, unitPrice), promisedDate);
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
