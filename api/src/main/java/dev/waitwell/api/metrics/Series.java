package dev.waitwell.api.metrics;

import io.micrometer.core.instrument.Tags;

/** One time series of a figure: the figure and its labels, e.g. ORDERS_PLACED with kind=BACKORDER. */
record Series(Figure figure, Tags tags) {

    static Series of(Figure figure, String... keysAndValues) {
        return new Series(figure, Tags.of(keysAndValues));
    }
}
