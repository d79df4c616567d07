package dev.waitwell.local;

import java.util.Arrays;

/**
 * What a batch of calls made by concurrent clients measured: how many, over how long a wall-clock span, and each
 * call's latency. The rate is calls over the whole span (first call sent to last answer), not the mean latency's
 * inverse, so it counts the time the clients spent queueing behind each other.
 */
record LatencyFigures(int calls, double seconds, long[] sortedNanos) {

    static LatencyFigures of(long[] nanos, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyFigures(sorted.length, seconds, sorted);
    }

    double perSecond() {
        return calls / seconds;
    }

    double p50Millis() {
        return percentileMillis(50);
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    /** Nearest rank: the smallest latency that at least {@code percent} % of the calls did not exceed. */
    private double percentileMillis(int percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(
                "%,d in %.2f s = %,.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                calls, seconds, perSecond(), p50Millis(), p99Millis(), maxMillis());
    }
}
