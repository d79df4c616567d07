package dev.waitwell.local;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an order's time goes inside the worker during one phase, from the worker's own Temporal SDK metrics: the
 * mean and count of each {@code temporal_*_seconds} timer (workflow-task schedule-to-start says whether tasks wait for
 * the worker or the worker for the service; execution, local activities and the service's answers say where the worker
 * spends it). Read as the difference of two scrapes, before and after the phase.
 */
final class WorkerTemporalTimes {

    private static final Pattern TIMER =
            Pattern.compile("^(temporal_[a-z_]+_seconds)_(sum|count)\\{([^}]*)\\} ([0-9.eE+-]+)$");
    private static final Pattern OPERATION = Pattern.compile("operation=\"([A-Za-z]+)\"");

    /** Per timer (with the request's operation, where it has one): total seconds and count so far. */
    private final Map<String, double[]> totals;

    private WorkerTemporalTimes(Map<String, double[]> totals) {
        this.totals = totals;
    }

    static WorkerTemporalTimes scrape(RunningSystem system) {
        Map<String, double[]> totals = new TreeMap<>();
        String text = system.callWorker("/actuator/prometheus").body().asText();
        for (String line : text.split("\n")) {
            Matcher timer = TIMER.matcher(line);
            if (!timer.matches()) {
                continue;
            }
            Matcher operation = OPERATION.matcher(timer.group(3));
            String name = timer.group(1).replace("temporal_", "").replace("_seconds", "")
                    + (operation.find() ? " " + operation.group(1) : "");
            double[] sumAndCount = totals.computeIfAbsent(name, n -> new double[2]);
            sumAndCount["sum".equals(timer.group(2)) ? 0 : 1] += Double.parseDouble(timer.group(4));
        }
        return new WorkerTemporalTimes(totals);
    }

    /** Prints each timer that ran between {@code before} and this scrape: its count and mean. */
    void printSince(WorkerTemporalTimes before, String phase, PrintStream out) {
        out.printf("     worker's Temporal timers during %s (count, mean):%n", phase);
        totals.forEach((name, now) -> {
            double[] then = before.totals.getOrDefault(name, new double[2]);
            double count = now[1] - then[1];
            if (count >= 1) {
                out.printf("       %-60s %,9.0f  %8.1f ms%n", name, count, (now[0] - then[0]) / count * 1000);
            }
        });
    }
}
