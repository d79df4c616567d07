package dev.waitwell.activities.preorder;

import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Tells pre-orders that their product is released: a signal each through the Temporal client, {@value #AT_ONCE} at
 * once (one after the other, a release of thousands waited on a round trip to Temporal per order: the launch-day
 * benchmark's release ran at the pace of one signal at a time). The activities' one use of the client (see {@code
 * ActivitiesArchitectureTest}): a signal hands an order a fact, and starts or waits for nothing; sent twice, the
 * order takes it as the release it knows.
 */
@Component
class ReleaseSignals implements DisposableBean {

    static final int AT_ONCE = 16;

    private final WorkflowClient temporal;
    private final ExecutorService senders;

    ReleaseSignals(WorkflowClient temporal) {
        this.temporal = temporal;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("release-signals-");
        threads.setDaemon(true);
        this.senders = Executors.newFixedThreadPool(AT_ONCE, threads);
    }

    /** How far {@link #tellAll} got: every order before {@code told} is told, {@code closed} of them had no run. */
    @FunctionalInterface
    interface Progress {
        void toldUpTo(int told, int closed);
    }

    /**
     * Tells every order of {@code orderIds}, {@value #AT_ONCE} at once (as one signal is answered, the next is sent:
     * never a handful waiting for its slowest); returns once all are told. {@code progress} hears, on the caller's
     * thread, each time the orders told without a gap from the first reach one more, until a signal fails.
     *
     * @return how many had no running workflow (closed since the listing, or lost)
     * @throws RuntimeException the first failure (Temporal away, say), once every signal has been tried
     */
    int tellAll(List<String> orderIds, Progress progress) {
        List<Future<Boolean>> told = new ArrayList<>(orderIds.size());
        orderIds.forEach(orderId -> told.add(senders.submit(() -> tell(orderId))));
        int closed = 0;
        RuntimeException failed = null;
        for (int i = 0; i < told.size(); i++) {
            try {
                if (!told.get(i).get()) {
                    closed++;
                }
                if (failed == null) {
                    progress.toldUpTo(i + 1, closed);
                }
            } catch (ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while telling orders of the release", e);
            }
        }
        if (failed != null) {
            throw failed;
        }
        return closed;
    }

    /** @return false when the order has no running workflow (closed since the listing, or lost) */
    boolean tell(String orderId) {
        try {
            temporal.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(orderId))
                    .productReleased();
            return true;
        } catch (WorkflowNotFoundException gone) {
            return false;
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
