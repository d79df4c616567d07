package dev.waitwell.workflows.preorder;

import dev.waitwell.workflows.inventory.AllocationFanOut;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** Marks the product released, then signals every open pre-order of it, in parallel. */
public class ProductReleaseWorkflowImpl implements ProductReleaseWorkflow {

    private static final Logger log = Workflow.getLogger(ProductReleaseWorkflowImpl.class);

    private final ReleaseActivities activities = Workflow.newActivityStub(
            ReleaseActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setDoNotRetry(BusinessFailure.types(BusinessFailure.PRODUCT_NOT_FOUND))
                            .build())
                    .build());

    @Override
    public ReleaseOutcome release(ReleaseRequest request) {
        ReleasedProduct product = activities.markReleased(request);
        List<Promise<Void>> signals = new ArrayList<>();
        for (String orderId : product.waitingOrderIds()) {
            ReleaseListener order =
                    Workflow.newExternalWorkflowStub(ReleaseListener.class, OrderWorkflowIds.of(orderId));
            signals.add(Async.procedure(order::productReleased));
        }
        int closed = 0;
        for (Promise<Void> signal : signals) {
            // An order that finished between the listing and the signal needs no release.
            if (signal.handle((ok, failure) -> failure != null).get()) {
                closed++;
            }
        }
        AllocationFanOut.run(product.allocation());
        log.info(
                "Product {} released: {} orders told, {} already closed",
                request.sku(),
                signals.size() - closed,
                closed);
        return new ReleaseOutcome(request.sku(), signals.size() - closed, closed);
    }
}
