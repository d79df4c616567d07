package dev.waitwell.api.shared;

import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Blocking Temporal calls with a bounded wait, so that a request never hangs on a workflow that no worker is
 * serving, and the words of an update's rejection.
 */
public final class WorkflowCalls {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "workflow-call");
        thread.setDaemon(true);
        return thread;
    });

    private WorkflowCalls() {}

    /** The call's result, or {@link TimeoutException} after {@code timeout}; its runtime exceptions pass through. */
    public static <T> T bounded(Supplier<T> call, Duration timeout) throws TimeoutException {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(call, CALLS);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the workflow", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The validator's or handler's words; the SDK (1.38) keeps the message of the rejection but not its type. */
    public static String reason(WorkflowUpdateException rejected, String fallback) {
        Throwable cause = rejected.getCause();
        if (cause instanceof ApplicationFailure failure && failure.getOriginalMessage() != null) {
            return failure.getOriginalMessage();
        }
        return cause != null && cause.getMessage() != null ? cause.getMessage() : fallback;
    }
}
