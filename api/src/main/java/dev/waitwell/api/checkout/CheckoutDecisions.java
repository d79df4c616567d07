package dev.waitwell.api.checkout;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.workflows.backorder.IncomingSupply;
import dev.waitwell.workflows.backorder.PromiseDates;
import dev.waitwell.workflows.order.PaymentPlan;
import dev.waitwell.workflows.shared.Bounds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides an order's kind from the locked product row: a pre-order while the release lies ahead, in stock when
 * the free units cover it, else a backorder if the shop allows one and can honestly promise a date within the
 * product's maximum wait. Every refusal is a 409 with a code saying why; nothing is written before it.
 */
@Component
class CheckoutDecisions {

    private final CheckoutStock stock;
    private final WaitwellProperties properties;
    private final Clock clock;

    CheckoutDecisions(CheckoutStock stock, WaitwellProperties properties, Clock clock) {
        this.stock = stock;
        this.properties = properties;
        this.clock = clock;
    }

    /** The decision for today in the shop's zone; {@code requestedPlan} may be null (FULL for a non-pre-order). */
    CheckoutDecision decide(CheckoutProduct product, int quantity, PaymentPlan requestedPlan) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (product.takesPreordersOn(today)) {
            return preorder(
                    product,
                    quantity,
                    requestedPlan,
                    properties.policy().preorderMaxSlip().toDays());
        }
        PaymentPlan plan = requestedPlan == null ? PaymentPlan.FULL : requestedPlan;
        // Units on hand while orders wait are theirs (the next allocation serves them): taking them would jump
        // the queue, so they count as free only when nobody waits.
        int free = stock.anyWaiting(product.sku()) ? 0 : product.onHand();
        if (free >= quantity) {
            return CheckoutDecision.inStock(plan, today, quantity);
        }
        return backorder(product, quantity, plan, today, free);
    }

    /**
     * The link goes into every message of the order, the last ones long after checkout: it must outlive the
     * promised date (months away for a pre-order) and a payment grace after it, then stay usable for the ttl.
     * Fixed at checkout because the workflow's input carries the signed link.
     */
    Instant linkExpiry(LocalDate promisedDate) {
        Instant now = Instant.now(clock);
        Instant promised = promisedDate.atStartOfDay(properties.zone()).toInstant();
        Instant from = promised.isAfter(now) ? promised : now;
        return from.plus(properties.links().ttl())
                .plus(properties.policy().paymentGrace())
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private static CheckoutDecision preorder(
            CheckoutProduct product, int quantity, PaymentPlan plan, long maxSlipDays) {
        if (plan == null) {
            throw ApiException.invalidField("paymentPlan", "is required for a pre-order");
        }
        if (!product.preorderCapAllows(quantity)) {
            throw ApiException.conflict(
                    ProblemCodes.PREORDER_CAP_REACHED,
                    "The pre-order cap of " + product.sku() + " does not allow " + quantity + " more unit(s).");
        }
        requireStockLimitAllows(product, quantity);
        return CheckoutDecision.preorder(
                plan, product.releaseDate(), product.releaseDate().plusDays(maxSlipDays));
    }

    private CheckoutDecision backorder(
            CheckoutProduct product, int quantity, PaymentPlan plan, LocalDate today, int free) {
        String sku = product.sku();
        if (!product.backordersAllowed()) {
            throw refusal(
                    ProblemCodes.BACKORDERS_NOT_ALLOWED,
                    "Product " + sku + " has " + free + " unit(s) free in stock and does not take backorders.",
                    Map.of());
        }
        if (plan == PaymentPlan.DEPOSIT) {
            throw refusal(
                    ProblemCodes.PAYMENT_PLAN_NOT_OFFERED,
                    "A backorder is paid in FULL at checkout or with "
                            + "PAY_LATER when its stock is allocated; DEPOSIT is for pre-orders only.",
                    Map.of());
        }
        int fromStock = Math.min(free, quantity);
        int waiting = quantity - fromStock;
        if (!product.backorderCapAllows(waiting)) {
            throw refusal(
                    ProblemCodes.BACKORDER_LIMIT_REACHED,
                    "Product " + sku + " has " + product.backordered()
                            + " unit(s) backordered of at most " + product.backorderMaxQuantity() + ": " + waiting
                            + " more do not fit.",
                    Map.of());
        }
        requireStockLimitAllows(product, waiting);
        LocalDate promise = PromiseDates.promise(
                        stock.unitsAhead(sku),
                        waiting,
                        supplyFrom(sku, today),
                        currentEta(product, today),
                        properties.policy().promiseBuffer())
                .orElseThrow(() -> refusal(
                        ProblemCodes.NO_RESTOCK_IN_SIGHT,
                        "No purchase order or restock date " + "covers " + waiting + " more unit(s) of " + sku
                                + ", so no date can be promised.",
                        Map.of()));
        Integer maxWait = product.backorderMaxWaitDays();
        if (maxWait != null && promise.isAfter(today.plusDays(maxWait))) {
            throw refusal(
                    ProblemCodes.RESTOCK_TOO_LATE,
                    "The earliest date " + sku + " can be promised is " + promise + ", later than the " + maxWait
                            + " day(s) a backorder may wait.",
                    Map.of("earliestPromisedDate", promise.toString()));
        }
        return CheckoutDecision.backorder(
                plan, promise, fromStock, waiting, maxWait == null ? null : today.plusDays(maxWait));
    }

    private static void requireStockLimitAllows(CheckoutProduct product, int units) {
        if (!product.stockLimitAllows(units)) {
            throw refusal(
                    ProblemCodes.STOCK_LIMIT_EXCEEDED,
                    "Product " + product.sku() + " has " + (product.preordered() + product.backordered())
                            + " unit(s) ordered and not yet allocated, of at most " + Bounds.MAX_STOCK_UNITS + ": "
                            + units + " more do not fit.",
                    Map.of());
        }
    }

    /** An overdue purchase order is still coming: it counts as arriving today, never in the past. */
    private List<IncomingSupply> supplyFrom(String sku, LocalDate today) {
        return stock.incoming(sku).stream()
                .map(po -> po.expectedDate().isBefore(today)
                        ? new IncomingSupply(po.purchaseOrderId(), today, po.openQuantity())
                        : po)
                .toList();
    }

    /** A manual restock date that has passed without stock is stale: it promises nothing. */
    private static LocalDate currentEta(CheckoutProduct product, LocalDate today) {
        LocalDate eta = product.restockEta();
        return eta == null || eta.isBefore(today) ? null : eta;
    }

    private static ApiException refusal(String code, String detail, Map<String, Object> properties) {
        return new ApiException(HttpStatus.CONFLICT, code, detail, properties);
    }
}
