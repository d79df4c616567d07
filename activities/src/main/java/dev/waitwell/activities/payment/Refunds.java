package dev.waitwell.activities.payment;

import dev.waitwell.activities.ledger.Account;
import dev.waitwell.activities.ledger.Ledger;
import dev.waitwell.activities.ledger.LedgerLine;
import dev.waitwell.activities.ledger.PostingKind;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.RefundResult;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Refunds Waitwell makes: all that is left on cancellation, or part after a switch. Gateway first, then our rows. */
@Component
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    /** The refund of a whole charge, or of what is left of it, on cancellation: {@code {chargeKey}/refund}. */
    private static final String REFUND_ALL_SUFFIX = "/refund";

    private final PaymentGateway gateway;
    private final Payments payments;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final RefundReconciler reconciler;

    Refunds(
            PaymentGateway gateway,
            Payments payments,
            Ledger ledger,
            TransactionTemplate transactions,
            RefundReconciler reconciler) {
        this.gateway = gateway;
        this.payments = payments;
        this.ledger = ledger;
        this.transactions = transactions;
        this.reconciler = reconciler;
    }

    /**
     * Each charge gives back what is left of it: all of it, or the rest after partial refunds, Waitwell's own and
     * those made at the processor.
     */
    RefundResult refundAll(RefundRequest request) {
        reconciler.beforeRefunding(request.orderId());
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
    RefundResult refundPart(PartialRefundRequest request) {
        String prefix = request.orderId() + "/refund-part/" + request.step() + "/";
        String currency = request.amount().currency();
        reconciler.beforeRefunding(request.orderId());
        List<PaymentRow> recorded = payments.refundsByKeyPrefix(request.orderId(), prefix);
        long left = request.amount().amountMinor() - sum(recorded);
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
            refund(refundable.charge(), prefix + refundable.charge().id(), part, request.reason());
            left -= part.amountMinor();
        }
        // Every refund under this step's keys counts, whoever recorded it: this call, an earlier attempt, or the
        // reconciliation of Stripe's report, which may record our own refund (its key in the metadata) first.
        long done = sum(payments.refundsByKeyPrefix(request.orderId(), prefix));
        log.info(
                "Refunded {} {} of order {} in part ({}, {})",
                done,
                currency,
                request.orderId(),
                request.step(),
                request.reason());
        return new RefundResult(Money.of(done, currency));
    }

    /** Gateway first, then the refund row and its posting together, unless a row under the key was recorded first. */
    private void refund(PaymentRow charge, String refundKey, Money amount, String reason) {
        GatewayRefund refund = gateway.refund(charge.orderId(), refundKey, charge.gatewayReference(), amount);
        transactions.executeWithoutResult(tx -> record(charge, refundKey, amount, refund, reason));
    }

    private static long sum(List<PaymentRow> refunds) {
        return refunds.stream()
                .mapToLong(refund -> refund.amount().amountMinor())
                .sum();
    }

    private static void requireCurrency(PaymentRow charge, String currency) {
        if (!charge.amount().currency().equals(currency)) {
            throw new IllegalStateException("charge " + charge.idempotencyKey() + " is in "
                    + charge.amount().currency() + ", refund requested in " + currency);
        }
    }

    private void record(PaymentRow charge, String refundKey, Money amount, GatewayRefund refund, String reason) {
        if (!payments.insertRefund(charge, refundKey, amount, refund.reference(), null)) {
            return;
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
    }
}
