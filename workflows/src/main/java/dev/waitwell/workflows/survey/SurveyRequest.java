package dev.waitwell.workflows.survey;

import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import java.util.Objects;

/**
 * Ask an order's customer how their wait was.
 *
 * @param orderId the shipped order
 * @param customer whom to ask, on the channels they chose
 * @param facts the product and quantity, and the signed link to the order page ({@code customerUrl}, required: the
 *     email's buttons are there)
 */
public record SurveyRequest(String orderId, Customer customer, MessageFacts facts) {

    /** The message's key within the order: one survey per order and channel, whatever the retries. */
    public static final String KEY = Milestone.SURVEY.name();

    public SurveyRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(facts, "facts");
        if (facts.customerUrl() == null || facts.customerUrl().isBlank()) {
            throw new IllegalArgumentException(
                    "the survey's email links the order page: facts.customerUrl is required");
        }
    }

    /** The notification, to {@code customer} (the request's, or the same without a channel that must be skipped). */
    public NotificationRequest notification(Customer to) {
        return new NotificationRequest(orderId, KEY, Milestone.SURVEY, to, facts);
    }
}
