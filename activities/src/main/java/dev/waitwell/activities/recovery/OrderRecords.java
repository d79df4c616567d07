package dev.waitwell.activities.recovery;

import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.order.OrderRecord;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.shared.Money;
import java.sql.Connection;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what PostgreSQL records an order has done as an {@link OrderRecord}, the contract a resumed run is built
 * from. Every field comes from the rows the order's activities wrote (payments, timeline, messages, stock, promises,
 * rewards), read in one repeatable-read transaction so that they agree with each other.
 */
@Component
public class OrderRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    public OrderRecords(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The record of the order {@code checkout} started, as read {@code now}.
     *
     * @throws NoSuchElementException when there is no such order
     * @throws IllegalArgumentException when the order is SHIPPED or CANCELLED: it never runs again
     */
    public OrderRecord read(PlaceOrderInput checkout, Instant now) {
        OrderRows rows = snapshot.execute(tx -> OrderRows.read(jdbc, checkout.orderId()));
        if (rows == null) {
            throw new NoSuchElementException("no order " + checkout.orderId());
        }
        return recordOf(checkout, rows, now);
    }

    private static OrderRecord recordOf(PlaceOrderInput checkout, OrderRows rows, Instant now) {
        OrderRows.Order order = rows.order();
        OrderStatus status = OrderStatus.valueOf(order.status());
        boolean switched = !rows.eventsOf("SWITCHED").isEmpty() || !order.sku().equals(checkout.sku());
        // The release marks the product released before it tells the orders: one it could not tell (its workflow was
        // gone) is released all the same.
        boolean released = switched
                || order.productReleased()
                || !rows.eventsOf("PRODUCT_RELEASED").isEmpty();
        PaymentHistory payments = new PaymentHistory(checkout.orderId(), rows);
        PromiseHistory promise = new PromiseHistory(checkout, rows);
        return new OrderRecord(
                now,
                status,
                itemOf(checkout, order, switched),
                switched,
                released,
                rows.messages().stream().anyMatch(message -> message.key().equals("RELEASE_REMINDER")),
                order.fulfilmentRequested(),
                order.paymentMethod(),
                payments.paid(),
                payments.refunded(),
                payments.chargeAttempts(),
                payments.partialRefunds(),
                payments.lastError(),
                status == OrderStatus.AWAITING_PAYMENT ? payments.declinedCharge() : null,
                Math.min(order.allocatedUnits(), checkout.quantity()),
                rows.allocationIds(),
                order.promisedDate(),
                promise.releaseAt(released),
                promise.delays(),
                promise.reminders(),
                promise.lastReminderAt(),
                promise.improvements(),
                promise.decisionsSettled(),
                rows.rewardCode(),
                promise.seenChangeIds(),
                status == OrderStatus.AWAITING_DECISION ? promise.openDecision() : null,
                TimelineCounts.of(rows.events()),
                TimelineCounts.lastEventSequence(rows.events()),
                rows.messages().stream().anyMatch(message -> message.key().equals("CONFIRMED")),
                payments.balancePaid());
    }

    /** Checkout's item, or after a switch the alternative the order row holds now (its sku and price). */
    private static OrderItem itemOf(PlaceOrderInput checkout, OrderRows.Order order, boolean switched) {
        if (!switched) {
            return new OrderItem(checkout.sku(), checkout.productName(), checkout.unitPrice());
        }
        return new OrderItem(order.sku(), order.productName(), Money.of(order.unitPriceMinor(), order.currency()));
    }
}
