package dev.waitwell.activities.payment;

import dev.waitwell.activities.ledger.Account;
import dev.waitwell.activities.ledger.Ledger;
import dev.waitwell.activities.ledger.LedgerLine;
import dev.waitwell.activities.ledger.PostingKind;
import dev.waitwell.activities.order.Timeline;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.WaitingChargeCancellation;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges, gateway first, then our records: the gateway is idempotent by the same key, so a crash after it and
 * before our commit is repaired by the retry, which gets the first outcome back and records it then. A charge that
 * waits on the customer's bank keeps its row and key; asked again, it is read again at the processor. A success is
 * booked, and written on the order's timeline when the request carries its entry, in the transaction that records it.
 */
@Component
class Charges {

    private static final Logger log = LoggerFactory.getLogger(Charges.class);

    private final PaymentGateway gateway;
    private final Payments payments;
    private final Ledger ledger;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final IdempotencyKeyAge keyAge;

    Charges(
            PaymentGateway gateway,
            Payments payments,
            Ledger ledger,
            Timeline timeline,
            TransactionTemplate transactions,
            IdempotencyKeyAge keyAge) {
        this.gateway = gateway;
        this.payments = payments;
        this.ledger = ledger;
        this.timeline = timeline;
        this.transactions = transactions;
        this.keyAge = keyAge;
    }

    ChargeResult charge(ChargeRequest request) {
        String key = request.idempotencyKey();
        PaymentRow recorded = payments.findByKey(key).orElse(null);
        if (recorded == null) {
            GatewayCharge outcome = chargeThroughGateway(request);
            recorded = transactions.execute(tx -> record(request, outcome));
        } else if (recorded.requiresAction()) {
            PaymentRow waiting = recorded;
            GatewayCharge outcome = gateway.recheck(waiting.gatewayReference());
            log.info(
                    "Charge {} of order {} that waited on the customer's bank is {} now",
                    key,
                    request.orderId(),
                    outcome.status());
            recorded = transactions.execute(tx -> settle(waiting, outcome, request.chargedEvent()));
        } else {
            log.info("Charge {} of order {} was recorded already: {}", key, request.orderId(), recorded.status());
        }
        return resultOf(recorded);
    }

    /**
     * Lets go of a charge that waits on the customer's bank: the processor reads it once more and cancels it unless it
     * succeeded meanwhile; a success is recorded and booked as {@link #charge} would. A charge that does not wait (any
     * more) is answered from its row: completed when it succeeded, else nothing (declined, cancelled, never made).
     */
    WaitingChargeCancellation cancelWaiting(ChargeRequest request) {
        String key = request.idempotencyKey();
        PaymentRow recorded = payments.findByKey(key).orElse(null);
        if (recorded != null && recorded.requiresAction()) {
            PaymentRow waiting = recorded;
            GatewayCharge outcome = gateway.cancelWaiting(key, waiting.gatewayReference());
            log.info(
                    "Charge {} of order {} that waited on the customer's bank was let go of: {}",
                    key,
                    request.orderId(),
                    outcome.status() == GatewayCharge.Status.SUCCEEDED ? "the customer completed it" : "cancelled");
            recorded = transactions.execute(tx -> settle(waiting, outcome, request.chargedEvent()));
        }
        if (recorded == null || !recorded.succeeded()) {
            log.info(
                    "Charge {} of order {} is not to be paid: {}",
                    key,
                    request.orderId(),
                    recorded == null ? "never recorded" : recorded.status() + " " + recorded.failureReason());
            return new WaitingChargeCancellation(null);
        }
        return new WaitingChargeCancellation(new ChargeResult(recorded.gatewayReference(), recorded.amount()));
    }

    private GatewayCharge chargeThroughGateway(ChargeRequest request) {
        try {
            return gateway.charge(request, keyAge.mayBeForgotten());
        } catch (UnknownPaymentMethodException e) {
            log.warn("Order {}: {}", request.orderId(), e.getMessage());
            throw BusinessFailure.PAYMENT_METHOD_UNKNOWN.raise(
                    e.getMessage(), DeclineReasons.issue(PaymentIssue.PAYMENT_METHOD_UNKNOWN, null));
        }
    }

    private PaymentRow record(ChargeRequest request, GatewayCharge outcome) {
        if (payments.insertCharge(request, outcome) && outcome.status() == GatewayCharge.Status.SUCCEEDED) {
            succeeded(payments.findByKey(request.idempotencyKey()).orElseThrow(), request.chargedEvent());
        }
        // A concurrent attempt may have inserted first: its row is the answer for both.
        return payments.findByKey(request.idempotencyKey()).orElseThrow();
    }

    /**
     * @param chargedEvent the timeline entry of a success, or null when the workflow writes it; whichever of a check
     *     and a letting go finds the charge paid first writes it, under the key the run set aside, so once
     */
    private PaymentRow settle(PaymentRow waiting, GatewayCharge outcome, OrderEvent chargedEvent) {
        if (payments.settle(waiting, outcome) && outcome.status() == GatewayCharge.Status.SUCCEEDED) {
            succeeded(waiting, chargedEvent);
        }
        return payments.findByKey(waiting.idempotencyKey()).orElseThrow();
    }

    /** Booked, and on the timeline when the workflow left the entry to the charge; once, by the row's transition. */
    private void succeeded(PaymentRow charge, OrderEvent chargedEvent) {
        book(charge);
        if (chargedEvent != null) {
            timeline.append(
                    chargedEvent.orderId(), chargedEvent.eventKey(), chargedEvent.type(), chargedEvent.message());
        }
    }

    /** Cash against customer deposits, once per charge key. */
    private void book(PaymentRow charge) {
        long amount = charge.amount().amountMinor();
        ledger.post(
                charge.idempotencyKey(),
                charge.orderId(),
                PostingKind.PAYMENT,
                charge.amount().currency(),
                charge.purpose() + " payment of order " + charge.orderId(),
                List.of(LedgerLine.debit(Account.CASH, amount), LedgerLine.credit(Account.CUSTOMER_DEPOSITS, amount)));
    }

    private static ChargeResult resultOf(PaymentRow payment) {
        if (payment.succeeded()) {
            log.info(
                    "Charged {} {} to order {} ({})",
                    payment.amount().amountMinor(),
                    payment.amount().currency(),
                    payment.orderId(),
                    payment.idempotencyKey());
            return new ChargeResult(payment.gatewayReference(), payment.amount());
        }
        if (payment.requiresAction()) {
            String message = "payment of order " + payment.orderId() + " waits on the customer's bank ("
                    + payment.idempotencyKey() + ")";
            log.info(message);
            throw BusinessFailure.PAYMENT_ACTION_REQUIRED.raise(message, payment.issue());
        }
        String message = "payment of order " + payment.orderId() + " declined: " + payment.failureReason();
        log.info(message);
        throw BusinessFailure.PAYMENT_DECLINED.raise(message, payment.issue());
    }
}
