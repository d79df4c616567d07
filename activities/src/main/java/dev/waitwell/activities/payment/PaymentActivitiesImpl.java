package dev.waitwell.activities.payment;

import dev.waitwell.activities.ledger.Account;
import dev.waitwell.activities.ledger.Ledger;
import dev.waitwell.activities.ledger.LedgerLine;
import dev.waitwell.activities.ledger.PostingKind;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.RefundResult;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
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
    /** The refund of a whole charge, or of what is left of it, on cancellation: {@code {chargeKey}/refund}. */
    private static final String REFUND_ALL_SUFFIX = "/refund";

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

    /** Each charge gives back what is left of it: all of it, or the rest after partial refunds. */
    @Override
    public RefundResult refundAll(RefundRequest request) {
        for (Payments.Refundable refundable : payments.refundableCharges(request.orderId(), false)) {
            PaymentRow charge = refundable.charge();
            requireCurrency(charge, request.currency());
            refund(charge, charge.idempotencyKey() + REFUND_ALL_SUFFIX, refundable.remaining(), request.reason());
        }
        // The answer counts every refund of this kind the order has, not only this attempt's: a retry after a
        // timeout finds the charges refunded already and must report them as the first attempt would have.
        Money refunded = Money.of(
                payments.refundsByKeyPrefix(request.orderId(), request.orderId() + "/charge/").stream()
                        .filter(refund ->
                                refund.succeeded() && refund.idempotencyKey().endsWith(REFUND_ALL_SUFFIX))
                        .mapToLong(refund -> refund.amount().amountMinor())
                        .sum(),
                request.currency());
        log.info(
                "Refunded {} {} to order {} ({})",
                refunded.amountMinor(),
                refunded.currency(),
                request.orderId(),
                request.reason());
        return new RefundResult(refunded);
    }

    /**
     * Takes the amount from the latest charges first, one refund per charge under
     * {@code <orderId>/refund-part/<step>/<charge row id>}. A retry counts what this step recorded already
     * and refunds only the rest, from charges it has not touched.
     */
    @Override
    public RefundResult refundPart(PartialRefundRequest request) {
        String prefix = request.orderId() + "/refund-part/" + request.step() + "/";
        String currency = request.amount().currency();
        List<PaymentRow> recorded = payments.refundsByKeyPrefix(request.orderId(), prefix);
        long done = recorded.stream()
                .mapToLong(refund -> refund.amount().amountMinor())
                .sum();
        long left = request.amount().amountMinor() - done;
        List<Payments.Refundable> plan = left <= 0
                ? List.of()
                : payments.refundableCharges(request.orderId(), true).stream()
                        .filter(c -> recorded.stream()
                                .noneMatch(r -> r.idempotencyKey()
                                        .equals(prefix + c.charge().id())))
                        .toList();
        long available =
                plan.stream().mapToLong(c -> c.remaining().amountMinor()).sum();
        if (left > available) {
            throw BusinessFailure.REFUND_EXCEEDS_PAYMENTS.raise("order " + request.orderId() + " has "
                    + Money.of(available, currency).display() + " left to refund, not "
                    + Money.of(left, currency).display());
        }
        for (Payments.Refundable refundable : plan) {
            if (left <= 0) {
                break;
            }
            requireCurrency(refundable.charge(), currency);
            Money part = Money.of(Math.min(left, refundable.remaining().amountMinor()), currency);
            if (refund(refundable.charge(), prefix + refundable.charge().id(), part, request.reason())) {
                done += part.amountMinor();
            }
            left -= part.amountMinor();
        }
        log.info(
                "Refunded {} {} of order {} in part ({}, {})",
                done,
                currency,
                request.orderId(),
                request.step(),
                request.reason());
        return new RefundResult(Money.of(done, currency));
    }

    /** Gateway first, then the refund row and its posting together. @return true when this call recorded it */
    private boolean refund(PaymentRow charge, String refundKey, Money amount, String reason) {
        GatewayRefund refund = gateway.refund(refundKey, charge.gatewayReference(), amount);
        return Boolean.TRUE.equals(transactions.execute(tx -> recordRefund(charge, refundKey, amount, refund, reason)));
    }

    private static void requireCurrency(PaymentRow charge, String currency) {
        if (!charge.amount().currency().equals(currency)) {
            throw new IllegalStateException("charge " + charge.idempotencyKey() + " is in "
                    + charge.amount().currency() + ", refund requested in " + currency);
        }
    }

    private GatewayCharge chargeThroughGateway(ChargeRequest request) {
        try {
            return gateway.charge(request.idempotencyKey(), request.paymentMethod(), request.amount());
        } catch (UnknownPaymentMethodException e) {
            log.warn("Order {}: {}", request.orderId(), e.getMessage());
            throw BusinessFailure.PAYMENT_METHOD_UNKNOWN.raise(e.getMessage());
        }
    }

    private PaymentRow record(ChargeRequest request, GatewayCharge outcome) {
        if (payments.insertCharge(request, outcome) && outcome.succeeded()) {
            long amount = request.amount().amountMinor();
            ledger.post(
                    request.idempotencyKey(),
                    request.orderId(),
                    PostingKind.PAYMENT,
                    request.amount().currency(),
                    request.purpose() + " payment of order " + request.orderId(),
                    List.of(
                            LedgerLine.debit(Account.CASH, amount),
                            LedgerLine.credit(Account.CUSTOMER_DEPOSITS, amount)));
        }
        // A concurrent attempt may have inserted first: its row is the answer for both.
        return payments.findByKey(request.idempotencyKey()).orElseThrow();
    }

    private boolean recordRefund(
            PaymentRow charge, String refundKey, Money amount, GatewayRefund refund, String reason) {
        if (!payments.insertRefund(charge, refundKey, amount, refund)) {
            return false;
        }
        ledger.post(
                refundKey,
                charge.orderId(),
                PostingKind.REFUND,
                amount.currency(),
                "refund of " + amount.display() + " of " + charge.idempotencyKey() + ": " + reason,
                List.of(
                        LedgerLine.debit(Account.CUSTOMER_DEPOSITS, amount.amountMinor()),
                        LedgerLine.credit(Account.CASH, amount.amountMinor())));
        return true;
    }

    private ChargeResult resultOf(PaymentRow payment) {
        if (payment.succeeded()) {
            log.info(
                    "Charged {} {} to order {} ({})",
                    payment.amount().amountMinor(),
                    payment.amount().currency(),
                    payment.orderId(),
                    payment.idempotencyKey());
            return new ChargeResult(payment.gatewayReference(), payment.amount());
        }
        String message = "payment of order " + payment.orderId() + " declined: " + payment.failureReason();
        log.info(message);
        throw BusinessFailure.PAYMENT_DECLINED.raise(message);
    }
}
