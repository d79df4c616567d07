package dev.waitwell.api;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.WaitingChargeCancellation;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stripe's test card whose bank asks the customer to authenticate ({@link #METHOD}), as the worker's payment
 * activity meets it. The first charge under a key waits on the customer: the activity writes the charge's row
 * {@code REQUIRES_ACTION} with its PaymentIntent and the bank's page, and fails with {@code PAYMENT_ACTION_REQUIRED}
 * and its {@link PaymentIssue}. A charge under that key again reads the PaymentIntent: it still waits, has succeeded
 * once the test had the customer {@link #confirm} with their bank, or is declined once they {@link #fail}ed to.
 * Every order charged on this method gets its rows (the webhook and the customer's return find charges by them).
 */
public final class AuthenticatingBank {

    public static final String METHOD = "pm_card_authenticationRequired";
    public static final String ASKS = "Your bank asks you to confirm this payment.";
    public static final String NOT_CONFIRMED_CODE = "payment_intent_authentication_failure";
    public static final String NOT_CONFIRMED = "Your bank did not confirm the payment.";
    /**
     * What the worker records for a charge let go of while it waited (the cancellation reason it gives Stripe): the
     * PaymentIntent is cancelled and can never succeed afterwards.
     */
    public static final String CANCELLED_CODE = "abandoned";

    public static final String CANCELLED = "The payment was cancelled before it was confirmed with your bank.";

    private final JdbcClient jdbc;
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    AuthenticatingBank(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The PaymentIntent the gateway made for a charge key: Stripe's ids are letters, digits and underscores. */
    public static String paymentIntentOf(String chargeKey) {
        return "pi_" + chargeKey.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** The bank's page of the PaymentIntent, as {@code next_action.redirect_to_url.url} names it. */
    public static String bankPageOf(String paymentIntent) {
        return "https://hooks.stripe.com/3d_secure_2/authenticate/" + paymentIntent + "?client_secret=" + paymentIntent
                + "_secret_test&source=src_test";
    }

    /** The customer confirmed the payment on their bank's page: the PaymentIntent succeeds when read again. */
    public void confirm(String paymentIntent) {
        confirmed.add(paymentIntent);
    }

    /** The customer did not confirm: the PaymentIntent needs a new payment method when read again. */
    public void fail(String paymentIntent) {
        failed.add(paymentIntent);
    }

    ChargeResult charge(ChargeRequest request) {
        String paymentIntent = paymentIntentOf(request.idempotencyKey());
        if (cancelled.contains(paymentIntent)) {
            throw BusinessFailure.PAYMENT_DECLINED.raise(CANCELLED, PaymentIssue.declined(CANCELLED_CODE, CANCELLED));
        }
        if (confirmed.contains(paymentIntent)) {
            write(request, paymentIntent, "SUCCEEDED", null, null, null);
            return new ChargeResult(paymentIntent, request.amount());
        }
        if (failed.contains(paymentIntent)) {
            write(request, paymentIntent, "DECLINED", null, NOT_CONFIRMED_CODE, NOT_CONFIRMED);
            throw BusinessFailure.PAYMENT_DECLINED.raise(
                    NOT_CONFIRMED, PaymentIssue.declined(NOT_CONFIRMED_CODE, NOT_CONFIRMED));
        }
        String bankPage = bankPageOf(paymentIntent);
        write(request, paymentIntent, "REQUIRES_ACTION", bankPage, PaymentIssue.AUTHENTICATION_REQUIRED, ASKS);
        throw BusinessFailure.PAYMENT_ACTION_REQUIRED.raise(
                ASKS, new PaymentIssue(PaymentIssue.AUTHENTICATION_REQUIRED, ASKS, bankPage));
    }

    /**
     * As the worker's activity lets go of a charge that waits on the bank: a charge the customer confirmed meanwhile
     * is recorded as paid and answered; one they did not is cancelled (its row {@code DECLINED} with
     * {@link #CANCELLED_CODE}) and can never succeed later; one already declined stays as it is.
     */
    WaitingChargeCancellation cancel(ChargeRequest request) {
        String paymentIntent = paymentIntentOf(request.idempotencyKey());
        if (confirmed.contains(paymentIntent) && !cancelled.contains(paymentIntent)) {
            write(request, paymentIntent, "SUCCEEDED", null, null, null);
            return new WaitingChargeCancellation(new ChargeResult(paymentIntent, request.amount()));
        }
        if (!failed.contains(paymentIntent)) {
            cancelled.add(paymentIntent);
            write(request, paymentIntent, "DECLINED", null, CANCELLED_CODE, CANCELLED);
        }
        return new WaitingChargeCancellation(null);
    }

    private void write(
            ChargeRequest request,
            String paymentIntent,
            String status,
            String actionUrl,
            String failureReason,
            String failureMessage) {
        jdbc.sql("""
                INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                      payment_method, gateway_reference, action_url, failure_reason, failure_message)
                VALUES (?, ?, 'CHARGE', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO UPDATE
                   SET status = excluded.status, action_url = excluded.action_url,
                       failure_reason = excluded.failure_reason, failure_message = excluded.failure_message,
                       updated_at = now()""")
                .params(
                        request.orderId(),
                        request.idempotencyKey(),
                        request.purpose().name(),
                        status,
                        request.amount().amountMinor(),
                        request.amount().currency(),
                        request.paymentMethod(),
                        paymentIntent,
                        actionUrl,
                        failureReason,
                        failureMessage)
                .update();
    }
}
