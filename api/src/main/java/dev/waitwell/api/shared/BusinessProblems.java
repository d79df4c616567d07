package dev.waitwell.api.shared;

import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The one table from {@link BusinessFailure} to the status and problem code the API answers. A workflow's
 * {@link Refusal} is answered through it, and so is the API's own check of the same fact (an unknown product, a
 * receipt beyond its purchase order, a payment method the gateway does not know), so one fact has one answer
 * whichever side finds it first. The switch has no default: a new failure type does not compile until it has its
 * row here.
 */
public final class BusinessProblems {

    private record Answer(HttpStatus status, String code) {}

    private BusinessProblems() {}

    /** The problem that answers {@code failure}, with {@code detail} in words for people. */
    public static ApiException of(BusinessFailure failure, String detail) {
        Answer answer = answer(failure);
        return new ApiException(answer.status(), answer.code(), detail);
    }

    /** The problem that answers a workflow's refusal, in the refusing step's words. */
    public static ApiException of(Refusal refusal) {
        return of(refusal.failure(), refusal.message());
    }

    private static Answer answer(BusinessFailure failure) {
        return switch (failure) {
            case PRODUCT_NOT_FOUND -> new Answer(HttpStatus.NOT_FOUND, ProblemCodes.PRODUCT_NOT_FOUND);
            case PURCHASE_ORDER_NOT_FOUND -> new Answer(HttpStatus.NOT_FOUND, ProblemCodes.PURCHASE_ORDER_NOT_FOUND);
            case RECEIPT_EXCEEDS_PURCHASE_ORDER ->
                new Answer(HttpStatus.CONFLICT, ProblemCodes.RECEIPT_EXCEEDS_PURCHASE_ORDER);
            case RECEIPT_CONFLICT -> new Answer(HttpStatus.CONFLICT, ProblemCodes.RECEIPT_CONFLICT);
            case PAYMENT_METHOD_UNKNOWN ->
                new Answer(HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.PAYMENT_METHOD_UNKNOWN);
            case PAYMENT_DECLINED -> new Answer(HttpStatus.PAYMENT_REQUIRED, ProblemCodes.PAYMENT_DECLINED);
            // The customer's bank waits for them to confirm: money is still required, from them, not from a retry.
            case PAYMENT_ACTION_REQUIRED ->
                new Answer(HttpStatus.PAYMENT_REQUIRED, ProblemCodes.PAYMENT_ACTION_REQUIRED);
            case NOTIFICATION_NOT_FOUND -> new Answer(HttpStatus.NOT_FOUND, ProblemCodes.NOTIFICATION_NOT_FOUND);
            // The API's word for an alternative that cannot take the order now, whichever side finds it.
            case OUT_OF_STOCK -> new Answer(HttpStatus.CONFLICT, ProblemCodes.ALTERNATIVE_NOT_AVAILABLE);
            case SWITCH_NOT_POSSIBLE -> new Answer(HttpStatus.CONFLICT, ProblemCodes.ORDER_STATE_CONFLICT);
            // The workflow computes every refund: asking for more than was paid is our bug, never the client's.
            case REFUND_EXCEEDS_PAYMENTS -> new Answer(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR);
            case STOCK_LIMIT_EXCEEDED -> new Answer(HttpStatus.CONFLICT, ProblemCodes.STOCK_LIMIT_EXCEEDED);
            // A database invariant refused the write: answered like the API's own constraint violations.
            case CONSTRAINT_VIOLATED -> new Answer(HttpStatus.CONFLICT, ProblemCodes.DATA_CONFLICT);
        };
    }
}
