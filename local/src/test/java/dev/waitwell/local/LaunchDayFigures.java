package dev.waitwell.local;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What one size of {@link LaunchDayBenchmark} measured, printed twice: in full, phase by phase, and as a Markdown
 * table to paste into the docs with the targets of issue #11 marked met or missed. Waitwell's rates are read against
 * the raw Temporal ceiling measured just before them on the same service with as many orders.
 */
record LaunchDayFigures(
        int orders,
        RawTemporalCeiling.Figures ceiling,
        LatencyFigures checkout,
        long wrongAnswers,
        Wave release,
        LatencyFigures backorders,
        Wave receipt,
        Messages messages,
        Memory memory,
        Recovery recovery) {

    static final double CHECKOUT_SHARE_TARGET = 0.40;
    static final double CHECKOUT_P99_TARGET_MILLIS = 250;
    static final double WAKE_UP_SHARE_TARGET = 0.33;

    /** A release or a receipt: how long its request took to answer, and until every order was READY_TO_SHIP. */
    record Wave(int orders, double answerSeconds, double readySeconds) {

        double perSecond() {
            return orders / readySeconds;
        }
    }

    /**
     * The messages of a phase's orders, all settled: how many, how many of the product's orders' messages the sender
     * ever gave up on (0 while the mail server and Twilio answer), and how long after the phase began the last went.
     */
    record Sent(long messages, long givenUp, double seconds) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,d sent (%,d given up), the last %.1f s after the phase began",
                    messages,
                    givenUp,
                    seconds);
        }
    }

    /**
     * The messages the orders queued in checkout (their confirmations), on release day (charged, released), when the
     * backorders were placed (their confirmations) and at the receipt: the orders do not wait for them, the worker's
     * sender sends them beside the orders' work.
     */
    record Messages(Sent checkout, Sent release, Sent backorders, Sent receipt) {}

    /**
     * Heap peaks while the orders were placed and waited, the worker's live heap after a full collection with them all
     * waiting, resident sizes then (-1 when unknown), and the peaks through release and receipt.
     */
    record Memory(
            HeapWatch.Peaks waiting,
            HeapWatch.Heap workerLive,
            long workerRss,
            long apiRss,
            HeapWatch.Peaks wakingUp,
            long workerPeakRss) {}

    /** The system after the rush: health, orders that did not get there, and log lines at ERROR and WARN. */
    record Recovery(
            boolean apiUp,
            boolean workerUp,
            long notReady,
            long workerErrors,
            long apiErrors,
            long workerWarnings,
            long apiWarnings) {}

    double checkoutShare() {
        return checkout.perSecond() / ceiling.starts().perSecond();
    }

    double releaseShare() {
        return release.perSecond() / ceiling.completedPerSecond();
    }

    double receiptShare() {
        return receipt.perSecond() / ceiling.completedPerSecond();
    }

    boolean answeredRightAndFinished() {
        return wrongAnswers == 0 && recovery.notReady() == 0;
    }

    void printDetails(PrintStream out) {
        out.printf(
                "%nBENCHMARK launch day, %,d orders, %d client threads%n", orders, LaunchDayBenchmark.CLIENT_THREADS);
        out.printf("  1. Raw Temporal ceiling (same service, no-op workflow on %s):%n", RawTemporalCeiling.TASK_QUEUE);
        out.printf("     start, first task answers an update (update-with-start): %s%n", ceiling.starts());
        out.printf(
                "     signal -> one activity -> completed: %,d in %.2f s = %,.0f/s%n",
                orders, ceiling.signalledToCompletedSeconds(), ceiling.completedPerSecond());
        out.printf("  2. Checkout, pre-orders half PAY_LATER half DEPOSIT (POST /api/v1/orders): %s%n", checkout);
        out.printf("     answers not 201 or not saying what was paid: %,d%n", wrongAnswers);
        out.printf("     their messages (confirmations): %s%n", messages.checkout());
        out.printf(
                "  3. Release day: answered in %.2f s; every order READY_TO_SHIP after %.1f s = %,.0f orders/s%n",
                release.answerSeconds(), release.readySeconds(), release.perSecond());
        out.printf("     their messages: %s%n", messages.release());
        out.printf("  4. Receipt: placing the FULL backorders: %s%n", backorders);
        out.printf("     their messages (confirmations): %s%n", messages.backorders());
        out.printf(
                "     receipt answered in %.2f s; every order READY_TO_SHIP after %.1f s = %,.0f orders/s%n",
                receipt.answerSeconds(), receipt.readySeconds(), receipt.perSecond());
        out.printf("     their messages: %s%n", messages.receipt());
        HeapWatch.Peaks waiting = memory.waiting();
        out.printf(
                "  5. Memory, checkout and waiting: worker heap peak %s of %s max, live after a full GC %s, RSS %s;"
                        + " API heap peak %s of %s, RSS %s%n",
                mib(waiting.workerUsed()),
                mib(waiting.workerMax()),
                mib(memory.workerLive().used()),
                mib(memory.workerRss()),
                mib(waiting.apiUsed()),
                mib(waiting.apiMax()),
                mib(memory.apiRss()));
        out.printf(
                "     release and receipt: worker heap peak %s, API heap peak %s; worker peak RSS so far %s%n",
                mib(memory.wakingUp().workerUsed()), mib(memory.wakingUp().apiUsed()), mib(memory.workerPeakRss()));
        out.printf(
                "  6. After the rush: API %s, worker %s; orders not READY_TO_SHIP: %,d;"
                        + " log lines since start ERROR worker %,d / API %,d, WARN worker %,d / API %,d%n",
                up(recovery.apiUp()),
                up(recovery.workerUp()),
                recovery.notReady(),
                recovery.workerErrors(),
                recovery.apiErrors(),
                recovery.workerWarnings(),
                recovery.apiWarnings());
        out.printf(
                "  7. Ratios: checkout / raw start %s (target >= 40 %%) %s; checkout p99 %.0f ms (target <= 250 ms) %s;"
                        + " release / raw signal %s (target >= 33 %%) %s; receipt / raw signal %s (target >= 33 %%) %s%n",
                percent(checkoutShare()),
                mark(checkoutShare() >= CHECKOUT_SHARE_TARGET),
                checkout.p99Millis(),
                mark(checkout.p99Millis() <= CHECKOUT_P99_TARGET_MILLIS),
                percent(releaseShare()),
                mark(releaseShare() >= WAKE_UP_SHARE_TARGET),
                percent(receiptShare()),
                mark(receiptShare() >= WAKE_UP_SHARE_TARGET));
    }

    String markdown() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n#### %,d orders%n%n", orders))
                .append("| Figure | Measured | Target | Met |\n| --- | ---: | ---: | :---: |\n");
        row(table, "Raw Temporal: start + first task (update-with-start)", latency(ceiling.starts()), "", "");
        row(table, "Raw Temporal: signal → one activity → completed", rate(ceiling.completedPerSecond()), "", "");
        row(table, "Checkout (16 clients)", latency(checkout), "", "");
        row(
                table,
                "Checkout rate / raw start rate",
                percent(checkoutShare()),
                "≥ 40 %",
                mark(checkoutShare() >= CHECKOUT_SHARE_TARGET));
        row(
                table,
                "Checkout p99",
                String.format(Locale.ROOT, "%.0f ms", checkout.p99Millis()),
                "≤ 250 ms",
                mark(checkout.p99Millis() <= CHECKOUT_P99_TARGET_MILLIS));
        row(table, "Checkout's confirmations: all sent", sent(messages.checkout()), "", "");
        row(table, "Release: until all `READY_TO_SHIP`", wave(release), "", "");
        row(table, "Release's messages: all sent", sent(messages.release()), "", "");
        row(
                table,
                "Release rate / raw signal rate",
                percent(releaseShare()),
                "≥ 33 %",
                mark(releaseShare() >= WAKE_UP_SHARE_TARGET));
        row(table, "Placing the backorders (16 clients)", latency(backorders), "", "");
        row(table, "Their confirmations: all sent", sent(messages.backorders()), "", "");
        row(table, "Receipt: until all `READY_TO_SHIP`", wave(receipt), "", "");
        row(table, "Receipt's messages: all sent", sent(messages.receipt()), "", "");
        row(
                table,
                "Receipt rate / raw signal rate",
                percent(receiptShare()),
                "≥ 33 %",
                mark(receiptShare() >= WAKE_UP_SHARE_TARGET));
        row(
                table,
                "Worker heap while waiting: peak / live after GC / max",
                mib(memory.waiting().workerUsed()) + " / "
                        + mib(memory.workerLive().used()) + " / "
                        + mib(memory.waiting().workerMax()),
                "",
                "");
        row(
                table,
                "API heap while waiting: peak / max",
                mib(memory.waiting().apiUsed()) + " / " + mib(memory.waiting().apiMax()),
                "",
                "");
        row(table, "Wrong checkout answers", String.valueOf(wrongAnswers), "0", mark(wrongAnswers == 0));
        row(
                table,
                "Orders not `READY_TO_SHIP` after",
                String.valueOf(recovery.notReady()),
                "0",
                mark(recovery.notReady() == 0));
        row(
                table,
                "Health after (API, worker)",
                up(recovery.apiUp()) + ", " + up(recovery.workerUp()),
                "UP",
                mark(recovery.apiUp() && recovery.workerUp()));
        row(
                table,
                "ERROR log lines since start (worker, API)",
                recovery.workerErrors() + ", " + recovery.apiErrors(),
                "",
                "");
        return table.toString();
    }

    private static void row(StringBuilder table, String figure, String measured, String target, String met) {
        table.append("| ")
                .append(figure)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(met)
                .append(" |\n");
    }

    private static String latency(LatencyFigures figures) {
        return String.format(
                Locale.ROOT,
                "%s, p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                rate(figures.perSecond()),
                figures.p50Millis(),
                figures.p99Millis(),
                figures.maxMillis());
    }

    private static String wave(Wave wave) {
        return String.format(
                Locale.ROOT,
                "%.1f s (%s; answered in %.2f s)",
                wave.readySeconds(),
                rate(wave.perSecond()),
                wave.answerSeconds());
    }

    private static String sent(Sent sent) {
        return String.format(
                Locale.ROOT,
                "%,d (%,d given up), the last after %.1f s",
                sent.messages(),
                sent.givenUp(),
                sent.seconds());
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f orders/s", perSecond);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    private static String up(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private static String mark(boolean met) {
        return met ? "✓" : "✗";
    }
}
