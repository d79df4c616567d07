package dev.waitwell.api.checkout;

import dev.waitwell.api.order.Orders;
import dev.waitwell.api.order.StoredOrder;
import dev.waitwell.api.payment.PaymentMethods;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.Bounds;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database side of checkout, in one transaction that holds the product row locked: the kind is decided
 * from the counters as they stand, then the order, its units (reserved, allocated or queued) and its first
 * timeline entry are all written, or nothing is. A repeated request is answered from the stored order.
 */
@Component
class CheckoutTransaction {

    private final Orders orders;
    private final CheckoutStock stock;
    private final CheckoutDecisions decisions;
    private final PaymentMethods paymentMethods;
    private final TransactionTemplate transaction;

    CheckoutTransaction(
            Orders orders,
            CheckoutStock stock,
            CheckoutDecisions decisions,
            PaymentMethods paymentMethods,
            PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.stock = stock;
        this.decisions = decisions;
        this.paymentMethods = paymentMethods;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The stored order, and whether this request created it. */
    record Placement(StoredOrder order, boolean created) {}

    Placement place(CheckoutRequest request) {
        String hash = RequestHash.of(request);
        try {
            return transaction.execute(status -> placeOrAnswer(request, hash));
        } catch (DuplicateKeyException concurrent) {
            // a concurrent request with the same order id committed first: answer as if it came before
            return transaction.execute(
                    status -> answer(orders.find(request.orderId()).orElseThrow(() -> concurrent), hash));
        }
    }

    private Placement placeOrAnswer(CheckoutRequest request, String hash) {
        CheckoutProduct product = stock.lock(request.sku())
                .orElseThrow(() -> BusinessProblems.of(
                        BusinessFailure.PRODUCT_NOT_FOUND, "No product with sku " + request.sku() + "."));
        var existing = orders.find(request.orderId());
        if (existing.isPresent()) {
            return answer(existing.get(), hash);
        }
        CheckoutDecision decision = decisions.decide(product, request.quantity(), request.plan());
        requireKnownPaymentMethod(request.paymentMethod());
        StoredOrder order = newOrder(request, hash, product, decision);
        stock.take(product.sku(), request.quantity(), decision);
        orders.insert(order, decision.stockState());
        orders.recordEvent(order.orderId(), "placed", "ORDER_PLACED", placedMessage(order, decision));
        return new Placement(order, true);
    }

    private static String placedMessage(StoredOrder order, CheckoutDecision decision) {
        String what = order.quantity() + " x " + order.productName();
        return switch (decision.kind()) {
            case PREORDER -> "Pre-order placed: " + what + ", promised for " + order.promisedDate() + ".";
            case IN_STOCK -> "Order placed: " + what + ", in stock and allocated.";
            case BACKORDER ->
                "Backorder placed: " + what + ", " + decision.allocatedNow() + " allocated from stock, promised for "
                        + order.promisedDate() + ".";
        };
    }

    private static Placement answer(StoredOrder existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw ApiException.conflict(
                    ProblemCodes.ORDER_ID_CONFLICT,
                    "Order " + existing.orderId()
                            + " exists with different details. Use a new order id for a different order.");
        }
        return new Placement(existing, false);
    }

    private void requireKnownPaymentMethod(String paymentMethod) {
        if (!paymentMethods.exists(paymentMethod)) {
            throw BusinessProblems.of(BusinessFailure.PAYMENT_METHOD_UNKNOWN, paymentMethods.refusal(paymentMethod));
        }
    }

    private StoredOrder newOrder(
            CheckoutRequest request, String hash, CheckoutProduct product, CheckoutDecision decision) {
        // Both factors are capped (the quantity by the policy, the price by the schema), so this cannot overflow; a
        // price written before the schema capped it (V21 checks new rows only) is refused like a total too large.
        if (product.priceMinor() > Bounds.MAX_UNIT_PRICE_MINOR) {
            throw ApiException.invalidField(
                    "sku",
                    "is priced " + product.priceMinor() + " (minor units), more than the " + Bounds.MAX_UNIT_PRICE_MINOR
                            + " a unit may cost: the product must be repriced first");
        }
        Money total = Money.of(product.priceMinor(), product.currency()).times(request.quantity());
        if (total.amountMinor() > Bounds.MAX_ORDER_TOTAL_MINOR) {
            throw ApiException.invalidField(
                    "quantity",
                    "makes the total " + total.amountMinor() + " (minor units) more than the "
                            + Bounds.MAX_ORDER_TOTAL_MINOR + " one order may cost");
        }
        long firstPayment = decision.firstPayment(total, product.depositPercent());
        Instant linkExpiresAt = decisions.linkExpiry(decision.promisedDate());
        var customer = request.customer();
        return new StoredOrder(
                request.orderId(),
                hash,
                decision.kind().name(),
                decision.status().name(),
                product.sku(),
                product.name(),
                request.quantity(),
                decision.plan(),
                request.paymentMethod(),
                product.currency(),
                product.priceMinor(),
                total.amountMinor(),
                firstPayment,
                decision.promisedDate(),
                customer.id(),
                customer.name(),
                customer.email(),
                customer.phone(),
                customer.channelsOrNone(),
                customer.languageTag(),
                linkExpiresAt,
                0,
                decision.allocatedNow(),
                decision.allocatedNow(),
                decision.latestAcceptableDate(),
                false);
    }
}
