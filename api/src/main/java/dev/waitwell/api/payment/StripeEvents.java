package dev.waitwell.api.payment;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.Money;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Waitwell does with each verified Stripe event, once: a charge that waited on the customer's bank was
 * resolved, refunds made outside Waitwell, a dispute. Anything else is acknowledged and ignored. An event is marked
 * processed only once handled: when Temporal does not take a signal or a start, the answer is 503 and Stripe's retry
 * handles it again. Every step is idempotent, so two deliveries that race change nothing twice.
 */
@Component
class StripeEvents {

    static final String PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded";
    static final String PAYMENT_INTENT_FAILED = "payment_intent.payment_failed";
    static final String CHARGE_REFUNDED = "charge.refunded";
    static final String DISPUTE_CREATED = "charge.dispute.created";

    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

    private final PaymentEventLog eventLog;
    private final WaitingCharges waitingCharges;
    private final RefundReconciliations reconciliations;
    private final Disputes disputes;
    private final Clock clock;

    StripeEvents(
            PaymentEventLog eventLog,
            WaitingCharges waitingCharges,
            RefundReconciliations reconciliations,
            Disputes disputes,
            Clock clock) {
        this.eventLog = eventLog;
        this.waitingCharges = waitingCharges;
        this.reconciliations = reconciliations;
        this.disputes = disputes;
        this.clock = clock;
    }

    /**
     * @param payload the event's JSON as received (its signature checked)
     * @throws ApiException 503 WORKFLOW_UNAVAILABLE when Temporal does not take a signal or start: the event stays
     *     unprocessed
     */
    WebhookAnswer handle(String eventId, String type, String payload) {
        if (eventId == null || eventId.isBlank() || type == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_REQUEST, "The event has no id or type.");
        }
        if (!eventLog.toHandle(eventId, type)) {
            log.info("Stripe event {} ({}) was handled before; nothing to do", eventId, type);
            return new WebhookAnswer(eventId, type, WebhookAnswer.Outcome.ALREADY_HANDLED);
        }
        WebhookAnswer.Outcome outcome = act(eventId, type, EventObject.of(payload));
        eventLog.processed(eventId);
        log.info("Stripe event {} ({}): {}", eventId, type, outcome);
        return new WebhookAnswer(eventId, type, outcome);
    }

    private WebhookAnswer.Outcome act(String eventId, String type, EventObject object) {
        return switch (type) {
            case PAYMENT_INTENT_SUCCEEDED -> resolved(object.text("id"), true);
            case PAYMENT_INTENT_FAILED -> resolved(object.text("id"), false);
            case CHARGE_REFUNDED -> refunded(object.text("payment_intent"), eventId);
            case DISPUTE_CREATED -> disputed(object);
            default -> WebhookAnswer.Outcome.IGNORED;
        };
    }

    /** Only a charge that still waits is signalled: one resolved already (by the customer's return) needs nothing. */
    private WebhookAnswer.Outcome resolved(String paymentIntent, boolean succeeded) {
        if (paymentIntent == null) {
            return WebhookAnswer.Outcome.IGNORED;
        }
        boolean told = false;
        for (WaitingCharges.WaitingCharge charge : waitingCharges.byReference(paymentIntent)) {
            told |= waitingCharges.resolved(charge, succeeded);
        }
        return told ? WebhookAnswer.Outcome.HANDLED : WebhookAnswer.Outcome.IGNORED;
    }

    private WebhookAnswer.Outcome refunded(String paymentIntent, String eventId) {
        if (paymentIntent == null) {
            return WebhookAnswer.Outcome.IGNORED; // a charge without a PaymentIntent was never made by Waitwell
        }
        reconciliations.start(paymentIntent, eventId);
        return WebhookAnswer.Outcome.HANDLED;
    }

    private WebhookAnswer.Outcome disputed(EventObject dispute) {
        String id = dispute.text("id");
        String paymentIntent = dispute.text("payment_intent");
        Long amount = dispute.number("amount");
        String currency = dispute.text("currency");
        if (id == null || paymentIntent == null || amount == null || currency == null) {
            return WebhookAnswer.Outcome.IGNORED;
        }
        Instant created = dispute.instant("created");
        Money disputed = StripeAmounts.fromStripe(amount, currency); // Stripe's unit is not always ISO's minor unit
        boolean ours = disputes.opened(new Disputes.Opened(
                id,
                paymentIntent,
                disputed.amountMinor(),
                disputed.currency(),
                dispute.text("reason"),
                dispute.text("status") == null ? "unknown" : dispute.text("status"),
                created == null ? clock.instant() : created));
        return ours ? WebhookAnswer.Outcome.HANDLED : WebhookAnswer.Outcome.IGNORED;
    }
}
