package dev.waitwell.workflows.delay;

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

/** Runs the review once, then signals its changes 500 at a time, continuing as new every 2,000. */
public class PromiseReviewWorkflowImpl implements PromiseReviewWorkflow {

    private static final int PAGE_SIZE = 500;
    private static final int PAGES_PER_RUN = 4;

    private final PromiseReviewActivities activities = Workflow.newActivityStub(
            PromiseReviewActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setDoNotRetry(BusinessFailure.types(BusinessFailure.PRODUCT_NOT_FOUND))
                            .build())
                    .build());

    @Override
    public int review(PromiseReview review) {
        if (review.afterChangeId() == 0) {
            activities.review(review);
        }
        long after = review.afterChangeId();
        int told = review.ordersTold();
        for (int page = 0; page < PAGES_PER_RUN; page++) {
            List<PendingPromiseChange> changes =
                    activities.changes(new PromiseChangePage(review.reviewId(), after, PAGE_SIZE));
            if (changes.isEmpty()) {
                return told;
            }
            told += signal(changes);
            after = changes.get(changes.size() - 1).id();
        }
        return Workflow.newContinueAsNewStub(PromiseReviewWorkflow.class).review(review.continuedAfter(after, told));
    }

    private static int signal(List<PendingPromiseChange> changes) {
        List<Promise<Void>> sent = new ArrayList<>(changes.size());
        for (PendingPromiseChange change : changes) {
            PromiseListener order =
                    Workflow.newExternalWorkflowStub(PromiseListener.class, OrderWorkflowIds.of(change.orderId()));
            sent.add(Async.procedure(order::promiseChanged, change.change()));
        }
        int told = 0;
        for (Promise<Void> signal : sent) {
            // An order that closed meanwhile has no promise left to keep.
            if (!signal.handle((ok, failure) -> failure != null).get()) {
                told++;
            }
        }
        return told;
    }
}
