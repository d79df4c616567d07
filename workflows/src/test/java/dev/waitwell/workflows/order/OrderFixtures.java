package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.CarriedPromise;
import dev.waitwell.workflows.inventory.CarriedStock;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.payment.CarriedPayments;
import dev.waitwell.workflows.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Orders for workflow tests: a 25,000-cent camera released some days after "now". Pre-orders are
 * promised a week after the release, so that a test which allocates stock a day late is not a delay.
 */
final class OrderFixtures {

    static final long UNIT_PRICE = 25_000;
    static final int DEPOSIT_PERCENT = 20;

    private OrderFixtures() {}

    /** A test extension builder with the order workflows' search attributes registered, as the worker does. */
    static io.temporal.testing.TestWorkflowExtension.Builder withSearchAttributes(
            io.temporal.testing.TestWorkflowExtension.Builder builder) {
        dev.waitwell.workflows.shared.WaitwellSearchAttributes.ALL.forEach(builder::registerSearchAttribute);
        return builder;
    }

    /** A backorder (or an in-stock order, when everything is allocated at checkout) promised in 20 days. */
    static PlaceOrderInput waiting(
            String orderId,
            OrderKind kind,
            PaymentPlan plan,
            String method,
            Instant now,
            int quantity,
            int allocatedAtCheckout) {
        Money unitPrice = Money.of(UNIT_PRICE, "USD");
        Money total = unitPrice.times(quantity);
        Money first = plan == PaymentPlan.PAY_LATER && kind == OrderKind.BACKORDER ? Money.of(0, "USD") : total;
        LocalDate promised =
                now.plus(Duration.ofDays(20)).atZone(ZoneOffset.UTC).toLocalDate();
        return new PlaceOrderInput(
                orderId,
                kind,
                customer(),
                "CAM-1",
                "Camera One",
                quantity,
                unitPrice,
                plan,
                method,
                first,
                null,
                null,
                promised,
                "https://shop.test/c/orders/" + orderId,
                new OrderPolicy(Duration.ofDays(3), Duration.ofDays(7)),
                allocatedAtCheckout,
                promised.plusDays(40));
    }

    /**
     * The same order under another policy (continue-as-new limit, reminder interval), with another promised
     * date and limit on how far the promise may slip.
     */
    static PlaceOrderInput withTerms(
            PlaceOrderInput input, OrderPolicy policy, LocalDate promisedDate, LocalDate latestAcceptableDate) {
        return new PlaceOrderInput(
                input.orderId(),
                input.kind(),
                input.customer(),
                input.sku(),
                input.productName(),
                input.quantity(),
                input.unitPrice(),
                input.paymentPlan(),
                input.paymentMethod(),
                input.firstPayment(),
                input.releaseDate(),
                input.releaseAt(),
                promisedDate,
                input.customerUrl(),
                policy,
                input.allocatedAtCheckout(),
                latestAcceptableDate);
    }

    private static Customer customer() {
        return new Customer(
                "c-1", "Ada Lovelace", "ada@example.com", "+14155550100", List.of(Channel.EMAIL, Channel.SMS));
    }

    static PlaceOrderInput preorder(
            String orderId, PaymentPlan plan, String method, Instant now, Duration untilRelease, int quantity) {
        Instant releaseAt = now.plus(untilRelease);
        LocalDate releaseDate = releaseAt.atZone(ZoneOffset.UTC).toLocalDate();
        Money unitPrice = Money.of(UNIT_PRICE, "USD");
        Money total = unitPrice.times(quantity);
        Money first = switch (plan) {
            case FULL -> total;
            case DEPOSIT -> total.percent(DEPOSIT_PERCENT);
            case PAY_LATER -> Money.of(0, "USD");
        };
        return new PlaceOrderInput(
                orderId,
                OrderKind.PREORDER,
                customer(),
                "CAM-1",
                "Camera One",
                quantity,
                unitPrice,
                plan,
                method,
                first,
                releaseDate,
                releaseAt,
                releaseDate.plusDays(7),
                "https://shop.test/c/orders/" + orderId,
                new OrderPolicy(Duration.ofDays(3), Duration.ofDays(7)),
                0,
                releaseDate.plusDays(90));
    }

    /**
     * The input of a pre-order's second run, as its first would have handed it on while waiting for the release: the
     * deposit paid in step {@code deposit-1}, nothing allocated, the promise unchanged.
     */
    static PlaceOrderInput continuedWhileAwaitingRelease(PlaceOrderInput placed, Instant nextReminder) {
        OrderContinuation carried = new OrderContinuation(
                2,
                OrderPhase.RELEASE,
                OrderStatus.AWAITING_RELEASE,
                new OrderItem(placed.sku(), placed.productName(), placed.unitPrice()),
                false,
                false,
                false,
                4,
                new CarriedPayments(
                        placed.paymentMethod(), placed.firstPayment().amountMinor(), 0, null, 1, 0),
                new CarriedStock(0, List.of(), false),
                new CarriedPromise(
                        placed.promisedDate(),
                        placed.releaseAt(),
                        nextReminder,
                        0,
                        0,
                        0,
                        0,
                        null,
                        List.of(),
                        List.of()));
        return placed.continuedWith(carried);
    }
}
