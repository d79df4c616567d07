package dev.waitwell.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The worker's and the API's heap through a run, sampled every second from their Prometheus endpoints (the sum of
 * the heap pools' {@code jvm_memory_used_bytes}; only the two heap metrics are asked for, since a full scrape every
 * second costs the worker a tenth of its CPU and would slow what is measured), remembering the highest use since the last time the peaks were
 * taken; and, on request, the worker's live heap after a full collection (what the waiting orders really hold on to,
 * rather than garbage not yet collected) and the processes' resident memory as Linux reports it.
 */
final class HeapWatch implements AutoCloseable {

    private static final String USED = "jvm_memory_used_bytes{";
    private static final String MAX = "jvm_memory_max_bytes{";
    private static final String HEAP_ONLY = "?includedNames=jvm_memory_used_bytes,jvm_memory_max_bytes";

    private final RunningSystem system;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong workerPeak = new AtomicLong();
    private final AtomicLong apiPeak = new AtomicLong();

    /** Peak heap used since the peaks were last taken, and the heap's max (-Xmx or its default), per JVM. */
    record Peaks(long workerUsed, long workerMax, long apiUsed, long apiMax) {}

    /** A JVM's heap now: in use, and the most it may grow to. */
    record Heap(long used, long max) {}

    HeapWatch(RunningSystem system) {
        this.system = system;
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** The peaks since the last call (or the start), then starts counting afresh. */
    Peaks takePeaks() {
        sample();
        return new Peaks(workerPeak.getAndSet(0), worker().max(), apiPeak.getAndSet(0), api().max());
    }

    Heap worker() {
        return heap(system.callWorker("/actuator/prometheus" + HEAP_ONLY).body().asText());
    }

    Heap api() {
        return heap(system.apiMetrics("ops", HEAP_ONLY));
    }

    /** The worker's heap right after a full collection that it was asked for ({@code jcmd GC.run}). */
    Heap workerAfterFullGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(system.workerPid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!gc.waitFor(60, TimeUnit.SECONDS)) {
                gc.destroyForcibly();
                throw new IllegalStateException("jcmd GC.run took over a minute");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return worker();
    }

    /** Resident set size of a process in bytes ({@code VmRSS}, or {@code VmHWM} for its peak); -1 off Linux. */
    static long residentBytes(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void sample() {
        peak(workerPeak, this::worker);
        peak(apiPeak, this::api);
    }

    private static void peak(AtomicLong peak, Supplier<Heap> heap) {
        try {
            long used = heap.get().used();
            peak.accumulateAndGet(used, Math::max);
        } catch (RuntimeException busy) {
            // A scrape that timed out under load is a missed sample, not a failed benchmark.
        }
    }

    /** Sums the heap pools (eden, survivor, old); a pool without a limit reports -1 as its max and is left out. */
    private static Heap heap(String prometheus) {
        long used = 0;
        long max = 0;
        for (String line : prometheus.split("\n")) {
            if (!line.contains("area=\"heap\"")) {
                continue;
            }
            long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (line.startsWith(USED)) {
                used += value;
            } else if (line.startsWith(MAX) && value > 0) {
                max += value;
            }
        }
        return new Heap(used, max);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
