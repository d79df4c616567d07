package dev.waitwell.workflows.order;

import io.temporal.client.WorkflowNotFoundException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * An order's stub for tests whose orders continue as new often. The Java test server completes a run that continues as
 * new a moment before it opens the next, and a signal, update or query sent to the workflow id in between finds no
 * open run (NOT_FOUND, "Completed workflow"); a Temporal server makes the switch in one step. This stub sends again
 * after a moment, so that a test meets the server's behaviour rather than the test server's gap. A call that never
 * finds an open run still fails, after about a second.
 */
final class AcrossRuns {

    private static final int ATTEMPTS = 50;
    private static final long PAUSE_MILLIS = 20;

    private AcrossRuns() {}

    static OrderWorkflow of(OrderWorkflow stub) {
        return (OrderWorkflow) Proxy.newProxyInstance(
                OrderWorkflow.class.getClassLoader(), new Class<?>[] {OrderWorkflow.class}, (proxy, method, args) -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            return method.invoke(stub, args);
                        } catch (InvocationTargetException failed) {
                            if (!(failed.getCause() instanceof WorkflowNotFoundException) || attempt == ATTEMPTS) {
                                throw failed.getCause();
                            }
                            Thread.sleep(PAUSE_MILLIS);
                        }
                    }
                });
    }
}
