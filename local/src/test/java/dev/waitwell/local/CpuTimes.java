package dev.waitwell.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU each part of the system used during one phase, from Linux's {@code /proc}: the worker, the API, this JVM
 * (the Temporal service and the benchmark's own clients, which share it) and PostgreSQL (every {@code postgres}
 * process). Read as the difference of two samples, in cores busy on average: whether a phase is held up by the
 * machine (the sum near its cores) or by waiting, and which part spends the machine.
 */
final class CpuTimes {

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times: 100 on every kernel this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** Where user and system time stand among the fields after the command name (state first), counted from 0. */
    private static final int UTIME = 11;

    private static final int STIME = 12;

    private final Map<String, Long> ticks;
    private final long nanos;

    private CpuTimes(Map<String, Long> ticks, long nanos) {
        this.ticks = ticks;
        this.nanos = nanos;
    }

    static CpuTimes sample(RunningSystem system) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("worker", ticksOf(system.workerPid()));
        ticks.put("API", ticksOf(system.apiPid()));
        ticks.put("Temporal service + clients", ticksOf(ProcessHandle.current().pid()));
        ticks.put("PostgreSQL", postgresTicks());
        return new CpuTimes(ticks, System.nanoTime());
    }

    /** Prints the cores each part kept busy on average since {@code before}, and the machine's cores. */
    void printSince(CpuTimes before, String phase, PrintStream out) {
        double seconds = (nanos - before.nanos) / 1e9;
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (var part : ticks.entrySet()) {
            double cores =
                    (part.getValue() - before.ticks.getOrDefault(part.getKey(), 0L)) / TICKS_PER_SECOND / seconds;
            total += cores;
            line.append(String.format("%s %.2f, ", part.getKey(), cores));
        }
        out.printf(
                "     CPU during %s (cores busy on average, of %d): %stogether %.2f%n",
                phase, Runtime.getRuntime().availableProcessors(), line, total);
    }

    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name, in parentheses, may hold spaces: the fields are counted after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended between listing and reading
        }
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuTimes::isPostgres)
                    .mapToLong(path -> ticksOf(Long.parseLong(path.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
