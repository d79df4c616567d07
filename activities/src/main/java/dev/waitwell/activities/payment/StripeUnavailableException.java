package dev.waitwell.activities.payment;

/**
 * Stripe could not be reached, failed on its side, limited our rate, or answered something no retry of ours can turn
 * into an outcome yet. A technical error: the activity is retried with backoff, and nothing is recorded as a decline.
 */
class StripeUnavailableException extends RuntimeException {

    StripeUnavailableException(String message) {
        super(message);
    }

    StripeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
