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

    /**
     * Version 1 records which changes reached their order, so that a review lost part-way (or one that found an
     * order's workflow gone) is finished by another run that tells only the rest. Reviews that ran before it
     * still replay.
     */
    static final String RECORDS_TOLD = "review-records-told";

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
            List<Long> delivered = signal(changes);
            told += delivered.size();
            if (!delivered.isEmpty()
                    && Workflow.getVersion(RECORDS_TOLD, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION) {
                activities.changesTold(new PromiseChangesTold(review.reviewId(), delivered));
            }
            after = changes.get(changes.size() - 1).id();
        }
        return Workflow.newContinueAsNewStub(PromiseReviewWorkflow.class).review(review.continuedAfter(after, told));
    }

    /** @return the ids of the changes whose order was told */
    private static List<Long> signal(List<PendingPromiseChange> changes) {
        List<Promise<Void>> sent = new ArrayList<>(changes.size());
        for (PendingPromiseChange change : changes) {
            PromiseListener order =
                    Workflow.newExternalWorkflowStub(PromiseListener.class, OrderWorkflowIds.of(change.orderId()));
            sent.add(Async.procedure(order::promiseChanged, change.change()));
        }
        List<Long> told = new ArrayList<>(changes.size());
        for (int i = 0; i < sent.size(); i++) {
            // An order that closed meanwhile has no promise left to keep; one whose workflow is gone while the
            // order is open hears it once it is rebuilt (the change stays untold).
            if (!sent.get(i).handle((ok, failure) -> failure != null).get()) {
                told.add(changes.get(i).id());
            }
        }
        return told;
    }
}
