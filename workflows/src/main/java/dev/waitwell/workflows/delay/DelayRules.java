package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.shared.DelayChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The delay policy (the FTC mail-order rule, as a policy) as plain rules over dates, without Temporal: how a new
 * promise reads against the old one, which choices a delay offers, and what the customer's silence means.
 */
public final class DelayRules {

    /** How a promise change reads for the customer. */
    public enum Move {
        /** The same date (or still none): nothing to tell. */
        UNCHANGED,
        /** An earlier date, or a date at all after none, within the order's limit: good news. */
        IMPROVED,
        /** A later date, no date any more, or a date beyond the order's limit: a delay to decide on. */
        SLIPPED
    }

    /**
     * What a delay offers: the choices, and whether no answer within the window counts as waiting (else it
     * cancels with a full refund).
     */
    public record Offer(List<DelayChoice> choices, boolean silenceMeansWait) {

        public Offer {
            choices = List.copyOf(choices);
        }
    }

    private DelayRules() {}

    /**
     * @param before the date promised until now (null: none)
     * @param after the new date (null: none can be promised)
     * @param latestAcceptable the latest promise the order accepts without a new choice (null: no limit)
     */
    public static Move classify(LocalDate before, LocalDate after, LocalDate latestAcceptable) {
        if (after != null && !beyondLimit(after, latestAcceptable) && (before == null || !after.isAfter(before))) {
            return after.equals(before) ? Move.UNCHANGED : Move.IMPROVED;
        }
        return after == null && before == null ? Move.UNCHANGED : Move.SLIPPED;
    }

    /**
     * What delay number {@code delayNumber} to {@code after} offers. Beyond the order's limit, waiting is no
     * longer offered. Silence counts as waiting only for a first delay to a definite date within
     * {@code silentConsentLimit} of the date promised at checkout.
     */
    public static Offer offer(
            int delayNumber,
            LocalDate after,
            LocalDate promisedAtCheckout,
            LocalDate latestAcceptable,
            Duration silentConsentLimit) {
        boolean beyondLimit = beyondLimit(after, latestAcceptable);
        boolean silenceMeansWait = !beyondLimit
                && delayNumber == 1
                && after != null
                && promisedAtCheckout != null
                && !after.isAfter(promisedAtCheckout.plusDays(silentConsentLimit.toDays()));
        List<DelayChoice> choices = beyondLimit
                ? List.of(DelayChoice.SWITCH, DelayChoice.CANCEL)
                : List.of(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL);
        return new Offer(choices, silenceMeansWait);
    }

    /** When a promised date has passed: the start of the next day in the shop's zone. */
    public static Instant expiry(LocalDate promisedDate, ZoneId zone) {
        return promisedDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean beyondLimit(LocalDate date, LocalDate latestAcceptable) {
        return date != null && latestAcceptable != null && date.isAfter(latestAcceptable);
    }
}
