package dev.waitwell.api.payment;

/**
 * What the webhook did with an event: Stripe shows the answer with the delivery in its dashboard.
 *
 * @param outcome {@code HANDLED}, {@code ALREADY_HANDLED} (a delivery of an event processed before: nothing done) or
 *     {@code IGNORED} (a type Waitwell does not act on, or an object that is not Waitwell's or no longer waits)
 */
record WebhookAnswer(String eventId, String type, Outcome outcome) {

    enum Outcome {
        HANDLED,
        ALREADY_HANDLED,
        IGNORED
    }
}
