package dev.waitwell.api.order;

import dev.waitwell.api.payment.PaymentMethods;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.OrderStatus;
import dev.waitwell.workflows.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database side of checkout, in one transaction: either the order, its reserved pre-order units and
 * its first timeline entry are all written, or nothing is. A repeated request is answered from the stored
 * order.
 */
@Component
class CheckoutTransaction {

    private final Orders orders;
    private final PaymentMethods paymentMethods;
    private final WaitwellProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CheckoutTransaction(Orders orders, PaymentMethods paymentMethods, WaitwellProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.paymentMethods = paymentMethods;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The stored order, and whether this request created it. */
    record Placement(StoredOrder order, boolean created) {
    }

    Placement place(CheckoutRequest request) {
        String hash = RequestHash.of(request);
        try {
            return transaction.execute(status -> placeOrAnswer(request, hash));
        } catch (DuplicateKeyException concurrent) {
            // a concurrent request with the same order id committed first: answer as if it came before
            return transaction.execute(status -> answer(orders.find(request.orderId()).orElseThrow(() -> concurrent),
                    hash));
        }
    }

    private Placement placeOrAnswer(CheckoutRequest request, String hash) {
        CheckoutProduct product = orders.product(request.sku()).orElseThrow(() -> ApiException.notFound(
                ProblemCodes.PRODUCT_NOT_FOUND, "No product with sku " + request.sku() + "."));
        var existing = orders.find(request.orderId());
        if (existing.isPresent()) {
            return answer(existing.get(), hash);
        }
        LocalDate today = today();
        if (!product.takesPreordersOn(today)) {
            throw notAPreorder(product.sku());
        }
        requireKnownPaymentMethod(request.paymentMethod());
        CheckoutProduct reserved = orders.reservePreorder(product.sku(), request.quantity(), today)
                .orElseThrow(() -> reservationRefused(product.sku(), request.quantity(), today));
        StoredOrder order = newOrder(request, hash, reserved);
        orders.insert(order);
        orders.recordEvent(order.orderId(), "placed", "ORDER_PLACED", "Pre-order placed: " + order.quantity() + " x "
                + order.productName() + ", promised for " + order.promisedDate() + ".");
        return new Placement(order, true);
    }

    private static Placement answer(StoredOrder existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw ApiException.conflict(ProblemCodes.ORDER_ID_CONFLICT, "Order " + existing.orderId()
                    + " exists with different details. Use a new order id for a different order.");
        }
        return new Placement(existing, false);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Why the reservation missed, from the row as it is now: released or re-dated meanwhile, or a full cap. */
    private ApiException reservationRefused(String sku, int quantity, LocalDate today) {
        boolean stillPreorder = orders.product(sku).filter(product -> product.takesPreordersOn(today)).isPresent();
        return stillPreorder
                ? ApiException.conflict(ProblemCodes.PREORDER_CAP_REACHED,
                        "The pre-order cap of " + sku + " does not allow " + quantity + " more unit(s).")
                : notAPreorder(sku);
    }

    private static ApiException notAPreorder(String sku) {
        return ApiException.conflict(ProblemCodes.ORDER_KIND_NOT_SUPPORTED, "Product " + sku
                + " is not a pre-order (released or no future release date): in-stock and backorder orders are "
                + "not supported yet.");
    }

    private void requireKnownPaymentMethod(String paymentMethod) {
        if (!paymentMethods.exists(paymentMethod)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.PAYMENT_METHOD_UNKNOWN,
                    "The payment method " + paymentMethod + " is unknown to the payment gateway.");
        }
    }

    /**
     * The link goes into every message of the order, the last ones long after checkout: it must outlive the
     * release (months away for a pre-order) and a payment grace after it, then stay usable for the ttl.
     * Fixed at checkout because the workflow's input carries the signed link.
     */
    private Instant linkExpiry(LocalDate promisedDate) {
        Instant now = Instant.now(clock);
        Instant promised = promisedDate.atStartOfDay(properties.zone()).toInstant();
        Instant from = promised.isAfter(now) ? promised : now;
        return from.plus(properties.links().ttl()).plus(properties.policy().paymentGrace())
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private StoredOrder newOrder(CheckoutRequest request, String hash, CheckoutProduct product) {
        Money total;
        try {
            total = Money.of(product.priceMinor(), product.currency()).times(request.quantity());
        } catch (ArithmeticException tooLarge) {
            throw ApiException.invalidField("quantity", "makes the total too large");
        }
        long firstPayment = switch (request.plan()) {
            case FULL -> total.amountMinor();
            case DEPOSIT -> total.percent(product.depositPercent()).amountMinor();
            case PAY_LATER -> 0L;
        };
        Instant linkExpiresAt = linkExpiry(product.releaseDate());
        var customer = request.customer();
        return new StoredOrder(request.orderId(), hash, OrderKind.PREORDER.name(), OrderStatus.AWAITING_RELEASE.name(),
                product.sku(), product.name(), request.quantity(), request.plan(), request.paymentMethod(),
                product.currency(), product.priceMinor(), total.amountMinor(), firstPayment, product.releaseDate(),
                customer.id(), customer.name(), customer.email(), customer.phone(), customer.channelsOrNone(),
                linkExpiresAt);
    }
}
