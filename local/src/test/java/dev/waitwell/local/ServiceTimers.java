package dev.waitwell.local;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an order's time goes inside the worker (or the API) during one phase, from its own metrics: the mean and
 * count of each {@code temporal_*_seconds} timer of the Temporal SDK, by request and (local) activity type
 * (workflow-task schedule-to-start says whether tasks wait for the worker or the worker for the service; execution,
 * local activities and the service's answers say where the worker spends it), of HikariCP's (how long a step waited
 * for one of the pool's connections), and of the API's HTTP requests by path. Read as the difference of two scrapes,
 * before and after the phase.
 */
final class ServiceTimers {

    private static final Pattern TIMER = Pattern.compile(
            "^((?:temporal|hikaricp|http_server_requests)_?[a-z_]*_seconds)_(sum|count)\\{([^}]*)\\} ([0-9.eE+-]+)$");
    /** The label that says which request, (local) activity or path a timer timed, where it has one. */
    private static final Pattern WHICH = Pattern.compile("(?:operation|activity_type|uri)=\"([A-Za-z/{}]+)\"");

    /** Per timer (with the request's operation, where it has one): total seconds and count so far. */
    private final Map<String, double[]> totals;

    private final String whose;

    private ServiceTimers(String whose, Map<String, double[]> totals) {
        this.whose = whose;
        this.totals = totals;
    }

    static ServiceTimers scrape(RunningSystem system) {
        return parse(
                "worker's", system.callWorker("/actuator/prometheus").body().asText());
    }

    /** The API's timers: its requests by path, its pool, and its Temporal client's calls. */
    static ServiceTimers scrapeApi(RunningSystem system) {
        return parse("API's", system.apiMetrics("ops"));
    }

    private static ServiceTimers parse(String whose, String text) {
        Map<String, double[]> totals = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher timer = TIMER.matcher(line);
            if (!timer.matches()) {
                continue;
            }
            String name = timer.group(1).replace("temporal_", "").replace("_seconds", "") + which(timer.group(3));
            double[] sumAndCount = totals.computeIfAbsent(name, n -> new double[2]);
            sumAndCount["sum".equals(timer.group(2)) ? 0 : 1] += Double.parseDouble(timer.group(4));
        }
        return new ServiceTimers(whose, totals);
    }

    /** The request's operation or the activity's type the labels name (not "none"), with a space before it; else "". */
    private static String which(String labels) {
        Matcher which = WHICH.matcher(labels);
        while (which.find()) {
            if (!"none".equals(which.group(1))) {
                return " " + which.group(1);
            }
        }
        return "";
    }

    /** Prints each timer that ran between {@code before} and this scrape: its count and mean. */
    void printSince(ServiceTimers before, String phase, PrintStream out) {
        out.printf("     %s timers during %s (count, mean):%n", whose, phase);
        totals.forEach((name, now) -> {
            double[] then = before.totals.getOrDefault(name, new double[2]);
            double count = now[1] - then[1];
            if (count >= 1) {
                out.printf("       %-60s %,9.0f  %8.1f ms%n", name, count, (now[0] - then[0]) / count * 1000);
            }
        });
    }
}
