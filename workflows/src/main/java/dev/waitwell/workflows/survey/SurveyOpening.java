package dev.waitwell.workflows.survey;

import java.util.Objects;

/**
 * Open an order's survey: from then on the customer's answer is taken.
 *
 * @param orderId the order
 * @param phone the customer's number, to learn whether it said STOP; null when there is none
 */
public record SurveyOpening(String orderId, String phone) {

    public SurveyOpening {
        Objects.requireNonNull(orderId, "orderId");
    }
}
