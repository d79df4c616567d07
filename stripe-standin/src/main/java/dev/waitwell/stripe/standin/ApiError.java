package dev.waitwell.stripe.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer as Stripe writes it: an HTTP status and {@code {"error": {...}}}. */
final class ApiError extends RuntimeException {

    private final int status;
    private final Map<String, Object> error;
    private final boolean executed;

    private ApiError(int status, Map<String, Object> error) {
        this(status, error, "card_error".equals(error.get("type")));
    }

    private ApiError(int status, Map<String, Object> error, boolean executed) {
        super(String.valueOf(error.get("message")));
        this.status = status;
        this.error = error;
        this.executed = executed;
    }

    int status() {
        return status;
    }

    /**
     * Whether Stripe stores this answer under the request's idempotency key: only once the endpoint ran (a card
     * error, a refusal that needed the account's state), not for a request refused on its parameters alone.
     */
    boolean executed() {
        return executed;
    }

    Map<String, Object> body() {
        return Map.of("error", error);
    }

    static ApiError invalidRequest(String code, String param, String message) {
        return new ApiError(400, error("invalid_request_error", code, message, param));
    }

    /** A request refused once the endpoint looked at the account (a refund of more than is left): kept under its key. */
    static ApiError refused(String code, String param, String message) {
        return new ApiError(400, error("invalid_request_error", code, message, param), true);
    }

    /**
     * A request the object's state does not allow (cancelling a PaymentIntent that succeeded), with the object as it
     * is now, as Stripe sends it. Kept under the request's key: the endpoint ran.
     */
    static ApiError unexpectedState(String objectField, Map<String, Object> object, String message) {
        Map<String, Object> error = error("invalid_request_error", "payment_intent_unexpected_state", message, null);
        error.put(objectField, object);
        return new ApiError(400, error, true);
    }

    static ApiError notFound(String param, String message) {
        return new ApiError(404, error("invalid_request_error", "resource_missing", message, param));
    }

    static ApiError noSuch(String kind, String id, String param) {
        return new ApiError(
                400, error("invalid_request_error", "resource_missing", "No such " + kind + ": '" + id + "'", param));
    }

    static ApiError idempotency(String key) {
        Map<String, Object> error = error(
                "idempotency_error",
                null,
                "Keys for idempotent requests can only be used with"
                        + " the same parameters they were first used with. Try using a key other than '" + key
                        + "' if you meant to execute a different request.",
                null);
        return new ApiError(400, error);
    }

    static ApiError unauthenticated() {
        return new ApiError(401, error("invalid_request_error", null, "You did not provide an API key.", null));
    }

    static ApiError server() {
        return new ApiError(
                500, error("api_error", null, "Something went wrong on Stripe's end (stand-in outage).", null));
    }

    /**
     * A card error (HTTP 402) with the object it happened to, as Stripe sends it: the PaymentIntent (or SetupIntent)
     * is part of the error, so a client can confirm it again.
     */
    static ApiError card(TestCard.Decline decline, String objectField, Map<String, Object> object, String charge) {
        Map<String, Object> error = error("card_error", decline.code(), decline.message(), null);
        error.put("decline_code", decline.declineCode());
        if (charge != null) {
            error.put("charge", charge);
        }
        if (object != null) {
            error.put(objectField, object);
        }
        return new ApiError(402, error);
    }

    private static Map<String, Object> error(String type, String code, String message, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return error;
    }
}
