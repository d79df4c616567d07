package dev.waitwell.activities.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.delay.DelayRules;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.delay.PromiseRecord;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.delay.PromiseReviewActivities;
import dev.waitwell.workflows.delay.RewardRequest;
import dev.waitwell.workflows.delay.SwitchRequest;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.PaymentMethodRecord;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.order.FulfilmentRequest;
import dev.waitwell.workflows.order.OrderActivities;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.OrderRecord;
import dev.waitwell.workflows.order.OrderRecord.DeclinedCharge;
import dev.waitwell.workflows.order.PaymentPlan;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.preorder.ReleaseActivities;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The record is read from rows the real activities wrote, as the order workflow would have had them write: payments
 * through the sandbox gateway, the timeline, skipped messages (no SMTP here), stock, promises and rewards.
 */
class OrderRecordsTest extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Autowired
    @Qualifier("paymentActivities") PaymentActivities payments;

    @Autowired
    @Qualifier("timelineActivities") TimelineActivities timeline;

    @Autowired
    @Qualifier("notificationActivities") NotificationActivities notifications;

    @Autowired
    @Qualifier("delayActivities") DelayActivities delays;

    @Autowired
    @Qualifier("promiseReviewActivities") PromiseReviewActivities reviews;

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Autowired
    @Qualifier("orderActivities") OrderActivities orderActivities;

    @Autowired
    @Qualifier("releaseActivities") ReleaseActivities releases;

    @Autowired
    PlatformTransactionManager transactions;

    private OrderRecords records;

    @BeforeEach
    void records() {
        records = new OrderRecords(jdbc, transactions);
    }

    @Test
    void readsAReleasedPreorderWaitingOnItsDeclinedBalanceWithTheGraceFromTheFirstDecline() throws Exception {
        LocalDate releaseDate = LocalDate.now().plusDays(30);
        String sku = fixture.product(releaseDate);
        String orderId = fixture.preorder(sku, 1);
        PlaceOrderInput checkout = preorderInput(orderId, sku, releaseDate);
        payments.charge(new ChargeRequest(orderId, "deposit-1", ChargePurpose.DEPOSIT, usd(2000), "pm_card_visa"));
        event(orderId, "event-1", "PAYMENT_CHARGED", "DEPOSIT of USD 20.00 charged to pm_card_visa");
        notify(orderId, Milestone.CONFIRMED, "CONFIRMED");
        notify(orderId, Milestone.RELEASE_REMINDER, "RELEASE_REMINDER");
        event(orderId, "event:PRODUCT_RELEASED#1", "PRODUCT_RELEASED", "Camera X is released");
        timeline.recordPaymentMethod(new PaymentMethodRecord(orderId, "pm_card_chargeDeclined"));
        String firstError = decline(orderId, "balance-2", "event:PAYMENT_DECLINED#1");
        Instant firstDeclinedAt = createdAt(orderId + "/charge/balance-2");
        status(orderId, "status:AWAITING_PAYMENT#1", OrderStatus.AWAITING_PAYMENT, "Payment declined: " + firstError);
        Thread.sleep(20); // the second attempt is later: the grace still runs from the first
        String lastError = decline(orderId, "balance-3", "event:PAYMENT_DECLINED#2");

        OrderRecord record = records.read(checkout, NOW);

        assertThat(record.rebuiltAt()).isEqualTo(NOW);
        assertThat(record.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(record.item()).isEqualTo(new OrderItem(sku, "Camera X", usd(10000)));
        assertThat(record.switched()).isFalse();
        assertThat(record.released()).isTrue();
        assertThat(record.releaseReminderSent()).isTrue();
        assertThat(record.confirmationSent()).isTrue();
        assertThat(record.balancePaid()).as("the balance was declined twice").isZero();
        assertThat(record.fulfilmentRequested()).isFalse();
        assertThat(record.paymentMethod()).isEqualTo("pm_card_chargeDeclined");
        assertThat(record.paid()).isEqualTo(2000);
        assertThat(record.refunded()).isZero();
        assertThat(record.chargeAttempts()).isEqualTo(3);
        assertThat(record.lastPaymentError()).isEqualTo(lastError).isNotBlank();
        assertThat(record.declinedCharge())
                .isEqualTo(new DeclinedCharge(ChargePurpose.BALANCE, "balance-3", 8000, firstDeclinedAt, false));
        assertThat(record.allocatedUnits()).isZero();
        assertThat(record.releaseAt()).isEqualTo(checkout.releaseAt());
        assertThat(record.promisedDate()).isNull(); // the fixture's order row promises nothing
        assertThat(record.lastReminderAt()).isEqualTo(createdAtOfMessage(orderId, "CONFIRMED"));
        assertThat(record.openDecision()).isNull();
        assertThat(record.timelineCounts())
                .containsEntry("event:PAYMENT_DECLINED", 2)
                .containsEntry("event:PRODUCT_RELEASED", 1)
                .containsEntry("event:PAYMENT_CHARGED", 1)
                .containsEntry("status:AWAITING_PAYMENT", 1);
        assertThat(record.lastEventSequence()).isEqualTo(1);
    }

    @Test
    void readsABackorderWithAnAllocationItsPromiseHistoryAndTheOpenDecisionWithItsOriginalDeadline() {
        String sku = fixture.stockedProduct(0);
        String orderId = fixture.backorder(sku, 2);
        LocalDate promisedAtCheckout = LocalDate.now().plusDays(20);
        PlaceOrderInput checkout = backorderInput(orderId, sku, promisedAtCheckout, 2);
        payments.charge(new ChargeRequest(orderId, "full-1", ChargePurpose.FULL, usd(20000), "pm_card_visa"));
        stock.receive(new StockReceipt(sku, 1, "receipt-1", null, "test"));
        long allocationId = jdbc.sql("SELECT id FROM allocations WHERE order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
        LocalDate improved = promisedAtCheckout.minusDays(5);
        delays.recordPromise(new PromiseRecord(
                orderId, improved, "promise/review/r-1", "Good news: now promised for " + improved + " (stock came)"));
        notify(orderId, Milestone.PROMISE_IMPROVED, "PROMISE_IMPROVED-1");
        notify(orderId, Milestone.WAIT_REMINDER, "WAIT_REMINDER-1");
        notify(orderId, Milestone.WAIT_REMINDER, "WAIT_REMINDER-2");
        LocalDate firstSlip = improved.plusDays(10);
        delays.recordPromise(new PromiseRecord(
                orderId,
                firstSlip,
                "promise/review/r-2",
                "Delayed: now promised for " + firstSlip + " (the supplier's shipment moved)"));
        status(orderId, "status-3", OrderStatus.AWAITING_DECISION, decisionMessage(1, NOW.minusSeconds(60), true));
        notify(orderId, Milestone.DELAY_NOTICE, "DELAY_NOTICE-1");
        event(orderId, "event-4", "DELAY_DECIDED", "WAIT decided by customer");
        String reward =
                delays.issueReward(new RewardRequest(orderId, "c-1", 1, 10)).code();
        status(orderId, "status-5", OrderStatus.AWAITING_STOCK, "The customer waits for " + firstSlip);
        LocalDate secondSlip = firstSlip.plusDays(60);
        delays.recordPromise(new PromiseRecord(
                orderId,
                secondSlip,
                "promise/review/r-3",
                "Delayed: now promised for " + secondSlip + " (the factory closed for a month)"));
        Instant deadline = Instant.parse("2026-12-09T10:15:30.123Z");
        status(
                orderId,
                "status:AWAITING_DECISION#2",
                OrderStatus.AWAITING_DECISION,
                decisionMessage(2, deadline, false));

        OrderRecord record = records.read(checkout, NOW);

        assertThat(record.confirmationSent())
                .as("no CONFIRMED recorded: checkout is done again under its keys")
                .isFalse();

        assertThat(record.status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        assertThat(record.paid()).isEqualTo(20000);
        assertThat(record.chargeAttempts()).isEqualTo(1);
        assertThat(record.lastPaymentError()).isNull();
        assertThat(record.declinedCharge()).isNull();
        assertThat(record.allocatedUnits()).isEqualTo(1);
        assertThat(record.allocationIds()).containsExactly(allocationId);
        assertThat(record.promisedDate()).isEqualTo(secondSlip);
        assertThat(record.releaseAt()).isNull();
        assertThat(record.delays()).isEqualTo(2);
        assertThat(record.improvements()).isEqualTo(1);
        assertThat(record.reminders()).isEqualTo(2);
        assertThat(record.lastReminderAt()).isEqualTo(createdAtOfMessage(orderId, "WAIT_REMINDER-2"));
        assertThat(record.decisionsSettled()).isEqualTo(1);
        assertThat(record.rewardCode()).isEqualTo(reward);
        assertThat(record.seenChangeIds()).containsExactly("review/r-1", "review/r-2", "review/r-3");
        assertThat(record.openDecision())
                .isEqualTo(new OpenDecision(
                        2,
                        secondSlip,
                        "the factory closed for a month",
                        DelayRules.offer(
                                        2,
                                        secondSlip,
                                        promisedAtCheckout,
                                        checkout.latestAcceptableDate(),
                                        OrderPolicy.DEFAULT.silentConsentLimit())
                                .choices(),
                        deadline,
                        false));
        assertThat(record.openDecision().choices()).containsExactly(DelayChoice.SWITCH, DelayChoice.CANCEL);
        assertThat(record.timelineCounts())
                .containsEntry("status:AWAITING_DECISION", 2)
                .containsEntry("status:AWAITING_STOCK", 1)
                .containsEntry("event:PROMISE", 3)
                .containsEntry("event:DELAY_DECIDED", 1);
        assertThat(record.lastEventSequence()).isEqualTo(5);
    }

    @Test
    void readsASwitchedOrderWithItsPartialRefundsAndFulfilmentRequest() {
        String sku = fixture.stockedProduct(0);
        String alternative = fixture.stockedProduct(3);
        String orderId = fixture.backorder(sku, 1);
        PlaceOrderInput checkout = backorderInput(orderId, sku, LocalDate.now().plusDays(20), 1);
        payments.charge(new ChargeRequest(orderId, "full-1", ChargePurpose.FULL, usd(10000), "pm_card_visa"));
        delays.switchItem(new SwitchRequest(orderId, sku, alternative, 1, usd(7000)));
        payments.refundPart(new PartialRefundRequest(orderId, "partial-refund-1", usd(3000), "switched"));
        payments.refundPart(new PartialRefundRequest(orderId, "partial-refund-2", usd(500), "goodwill"));
        orderActivities.requestFulfilment(new FulfilmentRequest(orderId, alternative, 1, customer()));
        status(orderId, "status:READY_TO_SHIP#1", OrderStatus.READY_TO_SHIP, "Paid and allocated");

        OrderRecord record = records.read(checkout, NOW);

        assertThat(record.status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(record.switched()).isTrue();
        assertThat(record.released()).isTrue();
        assertThat(record.item()).isEqualTo(new OrderItem(alternative, "Lens Y", usd(7000)));
        assertThat(record.paid()).isEqualTo(10000);
        assertThat(record.refunded()).isEqualTo(3500);
        assertThat(record.partialRefunds()).isEqualTo(2);
        assertThat(record.allocatedUnits()).isEqualTo(1);
        assertThat(record.fulfilmentRequested()).isTrue();
        assertThat(record.timelineCounts())
                .containsEntry("event:SWITCHED", 1)
                .containsEntry("event:FULFILMENT_REQUESTED", 1);
    }

    @Test
    void readsThePreordersReleaseMomentAsTheLatestPromiseChangeMovedIt() {
        LocalDate releaseDate = LocalDate.now().plusDays(30);
        String sku = fixture.product(releaseDate);
        String orderId = fixture.preorder(sku, 1);
        PlaceOrderInput checkout = preorderInput(orderId, sku, releaseDate);
        LocalDate later = releaseDate.plusDays(12);
        jdbc.sql("UPDATE products SET release_date = ? WHERE sku = ?")
                .params(later, sku)
                .update();
        reviews.review(new PromiseReview("rev-" + orderId, sku, "the launch moved"));
        delays.recordPromise(new PromiseRecord(
                orderId,
                later,
                "promise/review/rev-" + orderId,
                "Delayed: now promised for " + later + " (the launch moved)"));

        OrderRecord record = records.read(checkout, NOW);

        assertThat(record.releaseAt())
                .isEqualTo(later.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(record.released()).isFalse();
        assertThat(record.delays()).isEqualTo(1);
        assertThat(record.seenChangeIds()).containsExactly("review/rev-" + orderId);
    }

    @Test
    void readsAPreorderAsReleasedOnceItsProductIsThoughItsWorkflowWasGoneWhenTheReleaseToldTheOrders() {
        LocalDate releaseDate = LocalDate.now().plusDays(30);
        String sku = fixture.product(releaseDate);
        String orderId = fixture.preorder(sku, 1);
        PlaceOrderInput checkout = preorderInput(orderId, sku, releaseDate);
        assertThat(records.read(checkout, NOW).released()).isFalse();

        releases.markReleased(new ReleaseRequest(sku, "support"));

        assertThat(records.read(checkout, NOW).released()).isTrue();
    }

    @Test
    void refusesAnOrderThatDoesNotExist() {
        PlaceOrderInput checkout = backorderInput("o-missing", "SKU-none", LocalDate.now(), 1);

        assertThatThrownBy(() -> records.read(checkout, NOW)).isInstanceOf(NoSuchElementException.class);
    }

    private String decline(String orderId, String step, String eventKey) {
        try {
            payments.charge(
                    new ChargeRequest(orderId, step, ChargePurpose.BALANCE, usd(8000), "pm_card_chargeDeclined"));
            throw new AssertionError("the sandbox declines pm_card_chargeDeclined");
        } catch (ApplicationFailure declined) {
            String reason = declined.getDetails().get(PaymentIssue.class).message();
            event(orderId, eventKey, "PAYMENT_DECLINED", "BALANCE of USD 80.00 declined: " + reason);
            return reason;
        }
    }

    private void event(String orderId, String key, String type, String message) {
        timeline.recordEvent(new OrderEvent(orderId, key, type, message));
    }

    private void status(String orderId, String key, OrderStatus status, String message) {
        timeline.recordStatus(new StatusChange(orderId, key, status, message));
    }

    private void notify(String orderId, Milestone milestone, String key) {
        notifications.notify(new NotificationRequest(
                orderId,
                key,
                milestone,
                customer(),
                new MessageFacts("Camera X", "sku", 1, null, null, usd(10000), usd(0), "http://x", null, null, null)));
    }

    private static String decisionMessage(int delay, Instant deadline, boolean silenceMeansWait) {
        return "Waiting for the customer's choice on delay " + delay + " until " + deadline
                + (silenceMeansWait ? " (no answer counts as waiting)" : " (no answer cancels)");
    }

    private Instant createdAt(String paymentKey) {
        return jdbc.sql("SELECT created_at FROM payments WHERE idempotency_key = ?")
                .param(paymentKey)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private Instant createdAtOfMessage(String orderId, String key) {
        return jdbc.sql("SELECT max(created_at) FROM notifications WHERE order_id = ? AND notification_key = ?")
                .params(orderId, key)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private static PlaceOrderInput preorderInput(String orderId, String sku, LocalDate releaseDate) {
        return new PlaceOrderInput(
                orderId,
                OrderKind.PREORDER,
                customer(),
                sku,
                "Camera X",
                1,
                usd(10000),
                PaymentPlan.DEPOSIT,
                "pm_card_visa",
                usd(2000),
                releaseDate,
                releaseDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                releaseDate,
                "http://localhost/orders/" + orderId,
                OrderPolicy.DEFAULT,
                0,
                releaseDate.plusDays(90));
    }

    private static PlaceOrderInput backorderInput(String orderId, String sku, LocalDate promised, int quantity) {
        return new PlaceOrderInput(
                orderId,
                OrderKind.BACKORDER,
                customer(),
                sku,
                "Lens Y",
                quantity,
                usd(10000),
                PaymentPlan.FULL,
                "pm_card_visa",
                usd(10000L * quantity),
                null,
                null,
                promised,
                "http://localhost/orders/" + orderId,
                OrderPolicy.DEFAULT,
                0,
                promised.plusDays(30));
    }

    private static Customer customer() {
        return new Customer("c-1", "Ada", "a@b.c", null, List.of(Channel.EMAIL));
    }

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }
}
