package dev.waitwell.workflows.delay;

/** The one place promise review workflow ids are made: {@code promise-review-{reviewId}}. */
public final class PromiseReviewWorkflowIds {

    private PromiseReviewWorkflowIds() {}

    public static String of(String reviewId) {
        return "promise-review-" + reviewId;
    }
}
