package dev.waitwell.workflows.inventory;

import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Refusal;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Records and allocates a receipt, answers {@link #awaitAllocation}, then tells the orders. */
public class StockReceiptWorkflowImpl implements StockReceiptWorkflow {

    /**
     * Version 1 answers a refused receipt with a {@link Refusal} (workflow result and update). Before it, the
     * workflow and the update failed with the type in front of the message, which receipts refused before the
     * deployment still replay.
     */
    static final String TYPED_REFUSAL = "receipt-typed-refusal";

    static final String[] BUSINESS_FAILURES = BusinessFailure.types(
            BusinessFailure.PRODUCT_NOT_FOUND,
            BusinessFailure.PURCHASE_ORDER_NOT_FOUND,
            BusinessFailure.RECEIPT_EXCEEDS_PURCHASE_ORDER,
            BusinessFailure.RECEIPT_CONFLICT);

    private final StockActivities stock = Workflow.newActivityStub(
            StockActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setDoNotRetry(BUSINESS_FAILURES)
                            .build())
                    .build());

    private ReceiptResult result;
    private ApplicationFailure failedBeforeVersion1;

    @Override
    public ReceiptResult receive(StockReceipt receipt) {
        ReceiptOutcome outcome;
        try {
            outcome = stock.receive(receipt);
        } catch (ActivityFailure failure) {
            return refuse(failure);
        }
        result = ReceiptResult.of(outcome);
        AllocationFanOut.run(outcome.allocation());
        Workflow.await(Workflow::isEveryHandlerFinished);
        return result;
    }

    @Override
    public ReceiptResult awaitAllocation() {
        Workflow.await(() -> result != null || failedBeforeVersion1 != null);
        if (failedBeforeVersion1 != null) {
            throw failedBeforeVersion1;
        }
        return result;
    }

    /** A business failure of the stock step is the answer; anything else fails the workflow. */
    private ReceiptResult refuse(ActivityFailure failure) {
        if (Workflow.getVersion(TYPED_REFUSAL, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
            throw failAsBeforeVersion1(failure);
        }
        result = ReceiptResult.of(Refusal.of(failure).orElseThrow(() -> failure));
        Workflow.await(Workflow::isEveryHandlerFinished);
        return result;
    }

    private ApplicationFailure failAsBeforeVersion1(ActivityFailure failure) {
        if (!(failure.getCause() instanceof ApplicationFailure refused)) {
            throw failure;
        }
        failedBeforeVersion1 = ApplicationFailure.newNonRetryableFailure(
                refused.getType() + ": " + refused.getOriginalMessage(), refused.getType());
        Workflow.await(Workflow::isEveryHandlerFinished);
        return failedBeforeVersion1;
    }
}
