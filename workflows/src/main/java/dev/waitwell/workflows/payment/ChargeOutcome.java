package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * How one charge attempt ended, as the payment activity answered it.
 *
 * @param issue what stands in the way, for a charge not paid
 * @param reason the words the order's timeline and status keep: the issue's message, or the activity's own words
 *     when it sent no issue (activities from before issues existed)
 */
record ChargeOutcome(Kind kind, PaymentIssue issue, String reason) {

    enum Kind {
        PAID,
        DECLINED,
        /** The customer's bank asks them to authenticate: the charge waits under its key. */
        WAITS_ON_CUSTOMER
    }

    static final ChargeOutcome PAID = new ChargeOutcome(Kind.PAID, null, null);

    /** The outcome a failed activity stands for; empty for anything that is not a payment outcome. */
    static Optional<ChargeOutcome> of(ActivityFailure failure) {
        if (!(failure.getCause() instanceof ApplicationFailure refused)) {
            return Optional.empty();
        }
        return BusinessFailure.of(refused).flatMap(type -> switch (type) {
            case PAYMENT_DECLINED -> Optional.of(outcome(Kind.DECLINED, refused, "card_declined"));
            case PAYMENT_METHOD_UNKNOWN ->
                Optional.of(outcome(Kind.DECLINED, refused, PaymentIssue.PAYMENT_METHOD_UNKNOWN));
            case PAYMENT_ACTION_REQUIRED ->
                Optional.of(outcome(Kind.WAITS_ON_CUSTOMER, refused, PaymentIssue.AUTHENTICATION_REQUIRED));
            default -> Optional.empty();
        });
    }

    private static ChargeOutcome outcome(Kind kind, ApplicationFailure refused, String codeWithoutDetails) {
        if (refused.getDetails().getSize() > 0) {
            PaymentIssue issue = refused.getDetails().get(PaymentIssue.class);
            return new ChargeOutcome(kind, issue, issue.message());
        }
        String reason = refused.getOriginalMessage();
        return new ChargeOutcome(kind, PaymentIssue.declined(codeWithoutDetails, reason), reason);
    }

    boolean paid() {
        return kind == Kind.PAID;
    }
}
