package dev.waitwell.workflows.notification;

import java.util.Objects;

/**
 * Send an order's customer the link to their order page again, because support asked (an audited staff action).
 *
 * @param orderId the order
 * @param staffActionId the audit row of support's request: it names the message ({@link #key()}), so a retried
 *     activity or a repeated start sends it once
 * @param customer whom to tell, on the channels they chose
 * @param facts what the message states: the product, the quantity and the signed link ({@code customerUrl},
 *     required: it is the message)
 */
public record CustomerLinkResend(String orderId, long staffActionId, Customer customer, MessageFacts facts) {

    public CustomerLinkResend {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(facts, "facts");
        if (staffActionId <= 0) {
            throw new IllegalArgumentException("staffActionId must be positive: " + staffActionId);
        }
        if (facts.customerUrl() == null || facts.customerUrl().isBlank()) {
            throw new IllegalArgumentException("the customer's link is the message: facts.customerUrl is required");
        }
    }

    /** The message's key within the order: {@code LINK_RESENT-{staffActionId}}, one message per channel. */
    public String key() {
        return Milestone.LINK_RESENT.name() + "-" + staffActionId;
    }

    /** The notification the workflow sends. */
    public NotificationRequest notification() {
        return new NotificationRequest(orderId, key(), Milestone.LINK_RESENT, customer, facts);
    }
}
