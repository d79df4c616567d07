package dev.waitwell.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * A fixed number of client threads making {@code calls} calls between them as fast as they are answered, as a
 * storefront's request threads would on launch day. Each call's latency is recorded; a call that throws fails the
 * whole batch (a benchmark that lost calls would measure less work than it claims).
 */
final class ConcurrentClients {

    private static final long BATCH_TIMEOUT_MINUTES = 30;

    private ConcurrentClients() {}

    /** Makes calls {@code 0..calls-1} on {@code threads} threads; {@code call} checks its own answer. */
    static LatencyFigures time(int calls, int threads, IntConsumer call) {
        long[] nanos = new long[calls];
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> pending = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                int index = i;
                pending.add(clients.submit(() -> {
                    long sent = System.nanoTime();
                    call.accept(index);
                    nanos[index] = System.nanoTime() - sent;
                }));
            }
            for (Future<?> each : pending) {
                each.get(BATCH_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            }
            return LatencyFigures.of(nanos, (System.nanoTime() - started) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a call failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("calls still unanswered after " + BATCH_TIMEOUT_MINUTES + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            clients.shutdownNow();
        }
    }
}
