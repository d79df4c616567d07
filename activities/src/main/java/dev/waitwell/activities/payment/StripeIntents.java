package dev.waitwell.activities.payment;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.SavedMethod;
import java.util.Set;

/** How Stripe's intents and errors read as Waitwell's outcomes. */
final class StripeIntents {

    /**
     * Codes of refusals that pass: a lock held by another request, a rate limit, a key whose request still runs; and an
     * intent whose state moved on, read again instead.
     */
    private static final Set<String> RETRIED =
            Set.of("lock_timeout", "rate_limit", "idempotency_key_in_use", "payment_intent_unexpected_state");

    private StripeIntents() {}

    /**
     * A confirmed PaymentIntent as a charge outcome. Still processing (rare for cards) is no outcome yet: the
     * activity is retried until Stripe settles it.
     */
    static GatewayCharge outcomeOf(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> GatewayCharge.succeeded(intent.getId());
            case "requires_action" -> GatewayCharge.requiresAction(intent.getId(), actionUrl(intent.getNextAction()));
            case "requires_payment_method" ->
                GatewayCharge.declined(intent.getId(), codeOf(intent.getLastPaymentError()));
            case "canceled" ->
                GatewayCharge.declined(
                        intent.getId(),
                        DeclineReasons.ABANDONED.equals(intent.getCancellationReason())
                                ? DeclineReasons.ABANDONED
                                : DeclineReasons.CARD_DECLINED);
            default ->
                throw new StripeUnavailableException("PaymentIntent " + intent.getId() + " is " + intent.getStatus()
                        + " at Stripe; checked again on the next attempt");
        };
    }

    /** Off-session, the bank wants the customer: Stripe declines with {@code authentication_required}. */
    static boolean needsCustomer(PaymentIntent intent) {
        return "requires_payment_method".equals(intent.getStatus())
                && intent.getLastPaymentError() != null
                && PaymentIssue.AUTHENTICATION_REQUIRED.equals(
                        intent.getLastPaymentError().getCode());
    }

    static GatewayCharge declined(CardException declined) {
        PaymentIntent intent = intentOf(declined);
        return GatewayCharge.declined(
                intent == null ? null : intent.getId(),
                DeclineReasons.recordedCode(declined.getCode(), declined.getDeclineCode()));
    }

    /** The PaymentIntent a card error happened to; null when it happened before one existed (attaching). */
    static PaymentIntent intentOf(CardException declined) {
        StripeError error = declined.getStripeError();
        return error == null ? null : error.getPaymentIntent();
    }

    static SavedMethod savedOf(SetupIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded", "processing" -> new SavedMethod(intent.getId(), null);
            case "requires_action" ->
                new SavedMethod(
                        intent.getId(),
                        DeclineReasons.authenticationRequired(
                                intent.getNextAction() == null
                                                || intent.getNextAction().getRedirectToUrl() == null
                                        ? null
                                        : intent.getNextAction()
                                                .getRedirectToUrl()
                                                .getUrl()));
            default -> new SavedMethod(intent.getId(), DeclineReasons.issue(codeOf(intent.getLastSetupError()), null));
        };
    }

    static SavedMethod notSaved(CardException declined) {
        StripeError error = declined.getStripeError();
        SetupIntent intent = error == null ? null : error.getSetupIntent();
        return new SavedMethod(
                intent == null ? null : intent.getId(),
                DeclineReasons.issue(DeclineReasons.recordedCode(declined.getCode(), declined.getDeclineCode()), null));
    }

    /** Stripe does not know the payment method: no charge on it can ever succeed. */
    static boolean unknownMethod(InvalidRequestException refused) {
        return "resource_missing".equals(refused.getCode()) && "payment_method".equals(refused.getParam());
    }

    /** Stripe refuses what the PaymentIntent's status does not allow (cancelling one that succeeded). */
    static boolean unexpectedState(InvalidRequestException refused) {
        return "payment_intent_unexpected_state".equals(refused.getCode());
    }

    /** The amount is below the smallest card payment Stripe takes in its currency, or above the largest. */
    static boolean amountOutOfBounds(InvalidRequestException refused) {
        return "amount_too_small".equals(refused.getCode()) || "amount_too_large".equals(refused.getCode());
    }

    /**
     * Stripe refused the request for good (HTTP 400): the same request can never succeed. Not a held lock, a rate
     * limit, a key still in use (retried), nor an intent whose state moved on (read again instead).
     */
    static boolean refusedForGood(InvalidRequestException refused) {
        return Integer.valueOf(400).equals(refused.getStatusCode())
                && (refused.getCode() == null || !RETRIED.contains(refused.getCode()));
    }

    /**
     * A server error Stripe keeps under the request's idempotency key and answered again: the request began at Stripe,
     * and every retry under the key gets the same answer until Stripe forgets the key.
     */
    static boolean replayedServerError(StripeException e) {
        return e.getStatusCode() != null
                && e.getStatusCode() >= 500
                && e.getStripeError() != null
                && e.getStripeError().getLastResponse() != null
                && e.getStripeError()
                        .getLastResponse()
                        .headers()
                        .firstValue("Idempotent-Replayed")
                        .filter("true"::equalsIgnoreCase)
                        .isPresent();
    }

    /** The PaymentIntent an error happened to, when Stripe sends it with the error; else null. */
    static String intentIdOf(StripeException e) {
        StripeError error = e.getStripeError();
        return error == null || error.getPaymentIntent() == null
                ? null
                : error.getPaymentIntent().getId();
    }

    /** Stripe's answer for a log: status, code, parameter, request and message (which names no secret). */
    static String describe(StripeException e) {
        return "HTTP " + e.getStatusCode() + ", code " + e.getCode() + ", param "
                + (e instanceof InvalidRequestException refused ? refused.getParam() : null) + ", request "
                + e.getRequestId() + ": "
                + (e.getStripeError() == null
                        ? e.getMessage()
                        : e.getStripeError().getMessage());
    }

    /** Anything else Stripe answered: retried with backoff, never a decline. The message names no secret. */
    static StripeUnavailableException unavailable(String what, StripeException e) {
        return new StripeUnavailableException(
                what + ": Stripe answered " + e.getClass().getSimpleName() + " (HTTP " + e.getStatusCode() + ", code "
                        + e.getCode() + ", request " + e.getRequestId() + "): " + e.getMessage(),
                e);
    }

    private static String actionUrl(PaymentIntent.NextAction action) {
        return action == null || action.getRedirectToUrl() == null
                ? null
                : action.getRedirectToUrl().getUrl();
    }

    private static String codeOf(StripeError error) {
        return error == null
                ? DeclineReasons.CARD_DECLINED
                : DeclineReasons.recordedCode(error.getCode(), error.getDeclineCode());
    }
}
