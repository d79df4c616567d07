package dev.waitwell.activities.payment;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.ReconciledRefunds;
import dev.waitwell.workflows.payment.RefundReconciliation;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.RefundResult;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.payment.WaitingChargeCancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The payment activities: charges, saved methods, Waitwell's refunds and those the processor reports. */
@Component("paymentActivities")
class PaymentActivitiesImpl implements PaymentActivities {

    private static final Logger log = LoggerFactory.getLogger(PaymentActivitiesImpl.class);

    private final Charges charges;
    private final Refunds refunds;
    private final RefundReconciler reconciler;
    private final PaymentGateway gateway;

    PaymentActivitiesImpl(Charges charges, Refunds refunds, RefundReconciler reconciler, PaymentGateway gateway) {
        this.charges = charges;
        this.refunds = refunds;
        this.reconciler = reconciler;
        this.gateway = gateway;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        return charges.charge(request);
    }

    @Override
    public WaitingChargeCancellation cancelWaitingCharge(ChargeRequest request) {
        return charges.cancelWaiting(request);
    }

    @Override
    public SavedMethod saveForLater(SaveMethodRequest request) {
        SavedMethod saved = gateway.save(request);
        if (saved.issue() == null) {
            log.info(
                    "Order {}: {} saved for later charges ({})",
                    request.orderId(),
                    request.paymentMethod(),
                    saved.reference());
        } else {
            log.info(
                    "Order {}: {} not saved for later charges: {}",
                    request.orderId(),
                    request.paymentMethod(),
                    saved.issue().code());
        }
        return saved;
    }

    @Override
    public ReconciledRefunds reconcileRefunds(RefundReconciliation reconciliation) {
        return reconciler.reconcile(reconciliation);
    }

    @Override
    public RefundResult refundAll(RefundRequest request) {
        return refunds.refundAll(request);
    }

    @Override
    public RefundResult refundPart(PartialRefundRequest request) {
        return refunds.refundPart(request);
    }
}
