package dev.waitwell.activities.payment;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.SetupIntentCreateParams;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.shared.Money;
import java.util.List;

/**
 * Real money through Stripe's PaymentIntents. The payment method is attached to the customer's Stripe Customer; a
 * charge at checkout is confirmed with the customer present and saves the method for later, later charges are made
 * off-session on it. Every POST carries an idempotency key derived from Waitwell's charge or refund key, never one
 * the SDK makes up.
 */
class StripePaymentGateway implements PaymentGateway {

    private final StripeClient stripe;
    private final StripeCustomers customers;
    private final StripeCharges charges;
    private final StripeWaitingCharges waiting;
    private final StripeRefunds refunds;

    StripePaymentGateway(StripeClient stripe, StripeCustomers customers) {
        this.stripe = stripe;
        this.customers = customers;
        this.charges = new StripeCharges(stripe, customers);
        this.waiting = new StripeWaitingCharges(stripe);
        this.refunds = new StripeRefunds(stripe);
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public GatewayCharge charge(ChargeRequest request, boolean keyMayBeForgotten) {
        return charges.charge(request, keyMayBeForgotten);
    }

    @Override
    public GatewayCharge recheck(String reference) {
        return waiting.recheck(reference);
    }

    @Override
    public GatewayCharge cancelWaiting(String chargeKey, String reference) {
        return waiting.cancel(chargeKey, reference);
    }

    @Override
    public SavedMethod save(SaveMethodRequest request) {
        String key = request.idempotencyKey();
        try {
            String customer = customers.forOrder(request.orderId());
            customers.attach(request.paymentMethod(), customer, key + "/attach");
            SetupIntentCreateParams.Builder params = SetupIntentCreateParams.builder()
                    .setCustomer(customer)
                    .setPaymentMethod(request.paymentMethod())
                    .addPaymentMethodType(StripeCustomers.CARD)
                    .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                    .setConfirm(true)
                    .putMetadata("order_id", request.orderId());
            if (request.returnUrl() != null) {
                params.setReturnUrl(request.returnUrl());
            }
            return StripeIntents.savedOf(stripe.v1().setupIntents().create(params.build(), key(key)));
        } catch (CardException declined) {
            return StripeIntents.notSaved(declined);
        } catch (InvalidRequestException refused) {
            if (StripeIntents.unknownMethod(refused)) {
                return new SavedMethod(null, DeclineReasons.issue(PaymentIssue.PAYMENT_METHOD_UNKNOWN, null));
            }
            throw StripeIntents.unavailable("saving " + key, refused);
        } catch (StripeException e) {
            throw StripeIntents.unavailable("saving " + key, e);
        }
    }

    @Override
    public GatewayRefund refund(String orderId, String idempotencyKey, String chargeReference, Money amount) {
        return refunds.refund(orderId, idempotencyKey, chargeReference, amount);
    }

    @Override
    public List<GatewayRefund> refundsOf(String chargeReference) {
        return refunds.of(chargeReference);
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
