package dev.waitwell.api.report;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How happy the customers of a scope's orders were with their wait: the surveys sent for them, the answers that
 * count (the first per order), overall, by kind and for delayed orders or not. An order was delayed when its
 * promise slipped (a promise change to a later date or to unknown, as the report's {@code delays} reasons count
 * them) or it waited for the customer's decision on a delay.
 *
 * <p>{@code surveys}, {@code responses}, {@code responseRate}, {@code average} and {@code distribution} are those of
 * every surveyed order of the scope, as in {@link Part}.
 *
 * @param byKind PREORDER, BACKORDER and IN_STOCK, each present (zero surveys: nulls where nothing divides)
 */
record Satisfaction(
        long surveys,
        long responses,
        BigDecimal responseRate,
        BigDecimal average,
        Map<String, Long> distribution,
        Map<String, Part> byKind,
        Part delayed,
        Part notDelayed) {

    static final List<String> KINDS = List.of("PREORDER", "BACKORDER", "IN_STOCK");

    static Satisfaction of(List<Fact> facts) {
        Map<String, Part> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
            byKind.put(kind, Part.of(facts, fact -> kind.equals(fact.kind())));
        }
        Part all = Part.of(facts, fact -> true);
        return new Satisfaction(
                all.surveys(),
                all.responses(),
                all.responseRate(),
                all.average(),
                all.distribution(),
                Collections.unmodifiableMap(byKind),
                Part.of(facts, Fact::delayed),
                Part.of(facts, fact -> !fact.delayed()));
    }

    /**
     * The figures of some surveys.
     *
     * @param surveys how many were sent
     * @param responses how many were answered (the first answer of each counts)
     * @param responseRate responses / surveys, 4 decimal places; null without surveys
     * @param average the mean score of the responses, 2 decimal places (half up); null without responses
     * @param distribution how many responses gave each score, "1" to "5", every score present
     */
    record Part(
            long surveys, long responses, BigDecimal responseRate, BigDecimal average, Map<String, Long> distribution) {

        static Part of(List<Fact> facts, Predicate<Fact> in) {
            long[] scores = new long[6];
            long surveys = 0;
            long responses = 0;
            long sum = 0;
            for (Fact fact : facts) {
                if (!in.test(fact)) {
                    continue;
                }
                surveys++;
                if (fact.score() != null) {
                    responses++;
                    sum += fact.score();
                    scores[fact.score()]++;
                }
            }
            Map<String, Long> distribution = new LinkedHashMap<>();
            for (int score = 1; score <= 5; score++) {
                distribution.put(String.valueOf(score), scores[score]);
            }
            return new Part(
                    surveys,
                    responses,
                    Ratio.rate(responses, surveys),
                    Ratio.of(sum, responses, Ratio.DAYS_SCALE),
                    Collections.unmodifiableMap(distribution));
        }

        /** A CSV cell: {@code 4.50 (2/3)}, the average of 2 responses to 3 surveys; {@code (0/3)} without answers. */
        String cell() {
            return (average == null ? "" : average.toPlainString() + " ") + "(" + responses + "/" + surveys + ")";
        }
    }

    /** One surveyed order: its sku and kind, the score that counts (null before an answer), and whether it slipped. */
    record Fact(String sku, String kind, Integer score, boolean delayed) {}
}
