package dev.waitwell.api.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The satisfaction columns of the metrics CSV: surveys, responses, rate, average, the distribution
 * ({@code 1=0;2=1;3=0;4=2;5=1}), and by kind, delayed and not delayed as {@code average (responses/surveys)}.
 */
final class SatisfactionCells {

    private SatisfactionCells() {}

    static List<Object> of(Satisfaction satisfaction) {
        return java.util.Arrays.asList(
                satisfaction.surveys(),
                satisfaction.responses(),
                satisfaction.responseRate(),
                satisfaction.average(),
                joined(satisfaction.distribution(), Object::toString),
                joined(satisfaction.byKind(), Satisfaction.Part::cell),
                satisfaction.delayed().cell(),
                satisfaction.notDelayed().cell());
    }

    private static <V> String joined(Map<String, V> values, java.util.function.Function<V, String> cell) {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + cell.apply(entry.getValue()))
                .collect(Collectors.joining(";"));
    }
}
