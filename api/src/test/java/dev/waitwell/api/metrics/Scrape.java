package dev.waitwell.api.metrics;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text exposition, read the way a query would: one sample by name and labels. */
public record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

    /** The sample named so whose labels include every {@code key="value"} given; NaN when there is none. */
    public double value(String name, String... labels) {
        return text.lines()
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .filter(sample -> sample.group(1).equals(name))
                .filter(sample ->
                        Arrays.stream(labels).allMatch(label -> labelsOf(sample).contains(label)))
                .mapToDouble(sample -> Double.parseDouble(sample.group(3)))
                .findFirst()
                .orElse(Double.NaN);
    }

    private static String labelsOf(Matcher sample) {
        return sample.group(2) == null ? "" : sample.group(2);
    }
}
