package dev.waitwell.activities.payment;

import java.util.List;

import dev.waitwell.activities.ledger.Account;
import dev.waitwell.activities.ledger.Ledger;
import dev.waitwell.activities.ledger.LedgerLine;
import dev.waitwell.activities.ledger.PostingKind;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.RefundResult;
import dev.waitwell.workflows.shared.FailureTypes;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gateway first, then our records: the gateway is idempotent by the same key, so a crash after it and
 * before our commit is repaired by the retry, which gets the first outcome back and records it then.
 */
@Component("paymentActivities")
class PaymentActivitiesImpl implements PaymentActivities {

    private static final Logger log = LoggerFactory.getLogger(PaymentActivitiesImpl.class);

    private final PaymentGateway gateway;
    private final Payments payments;
    private final Ledger ledger;
    private final TransactionTemplate transactions;

    PaymentActivitiesImpl(PaymentGateway gateway, Payments payments, Ledger ledger, TransactionTemplate transactions) {
        this.gateway = gateway;
        this.payments = payments;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        String key = request.idempotencyKey();
        PaymentRow recorded = payments.findByKey(key).orElse(null);
        if (recorded == null) {
            GatewayCharge outcome = chargeThroughGateway(request);
            recorded = transactions.execute(tx -> record(request, outcome));
        } else {
            log.info("Charge {} of order {} was recorded already: {}", key, request.orderId(), recorded.status());
        }
        return resultOf(recorded);
    }

    @Override
    public RefundResult refundAll(RefundRequest request) {
        Money refunded = Money.of(0, request.currency());
        for (PaymentRow charge : payments.unrefundedCharges(request.orderId())) {
            if (!charge.amount().currency().equals(request.currency())) {
                throw new IllegalStateException("charge " + charge.idempotencyKey() + " is in "
                        + charge.amount().currency() + ", refund requested in " + request.currency());
            }
            String refundKey = charge.idempotencyKey() + "/refund";
            GatewayRefund refund = gateway.refund(refundKey, charge.gatewayReference(), charge.amount());
            if (Boolean.TRUE.equals(transactions.execute(tx -> recordRefund(charge, refundKey, refund, request)))) {
                refunded = refunded.plus(charge.amount());
            }
        }
        log.info("Refunded {} {} to order {} ({})", refunded.amountMinor(), refunded.currency(), request.orderId(),
                request.reason());
        return new RefundResult(refunded);
    }

    private GatewayCharge chargeThroughGateway(ChargeRequest request) {
        try {
            return gateway.charge(request.idempotencyKey(), request.paymentMethod(), request.amount());
        } catch (UnknownPaymentMethodException e) {
            log.warn("Order {}: {}", request.orderId(), e.getMessage());
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.PAYMENT_METHOD_UNKNOWN);
        }
    }

    private PaymentRow record(ChargeRequest request, GatewayCharge outcome) {
        if (payments.insertCharge(request, outcome) && outcome.succeeded()) {
            long amount = request.amount().amountMinor();
            ledger.post(request.idempotencyKey(), request.orderId(), PostingKind.PAYMENT, request.amount().currency(),
                    request.purpose() + " payment of order " + request.orderId(),
                    List.of(LedgerLine.debit(Account.CASH, amount),
                            LedgerLine.credit(Account.CUSTOMER_DEPOSITS, amount)));
        }
        // A concurrent attempt may have inserted first: its row is the answer for both.
        return payments.findByKey(request.idempotencyKey()).orElseThrow();
    }

    private boolean recordRefund(PaymentRow charge, String refundKey, GatewayRefund refund, RefundRequest request) {
        if (!payments.insertRefund(charge, refundKey, refund)) {
            return false;
        }
        long amount = charge.amount().amountMinor();
        ledger.post(refundKey, charge.orderId(), PostingKind.REFUND, charge.amount().currency(),
                "refund of " + charge.idempotencyKey() + ": " + request.reason(),
                List.of(LedgerLine.debit(Account.CUSTOMER_DEPOSITS, amount), LedgerLine.credit(Account.CASH, amount)));
        return true;
    }

    private ChargeResult resultOf(PaymentRow payment) {
        if (payment.succeeded()) {
            log.info("Charged {} {} to order {} ({})", payment.amount().amountMinor(), payment.amount().currency(),
                    payment.orderId(), payment.idempotencyKey());
            return new ChargeResult(payment.gatewayReference(), payment.amount());
        }
        String message = "payment of order " + payment.orderId() + " declined: " + payment.failureReason();
        log.info(message);
        throw ApplicationFailure.newNonRetryableFailure(message, FailureTypes.PAYMENT_DECLINED);
    }
}
