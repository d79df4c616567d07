package dev.waitwell.messages;

import dev.waitwell.workflows.lifecycle.CancellationReasons;
import java.util.Map;

/**
 * The reasons Waitwell writes itself, in English, for its records ({@link CancellationReasons}): a message says them
 * in the customer's words ({@code reason.*} in the bundles) instead. Reasons staff typed are shown as typed.
 */
final class SystemReasons {

    private static final Map<String, String> KEYS = Map.of(
            CancellationReasons.PAYMENT_NOT_RECEIVED, "reason.paymentNotReceived",
            CancellationReasons.NO_DELAY_ANSWER, "reason.noDelayAnswer",
            CancellationReasons.CANCELLED_AFTER_DELAY, "reason.cancelledAfterDelay");

    private SystemReasons() {}

    /** The bundle key of a reason Waitwell wrote, or null for one a person wrote (or none). */
    static String keyOf(String reason) {
        if (reason == null) {
            return null;
        }
        return KEYS.entrySet().stream()
                .filter(known -> reason.startsWith(known.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
