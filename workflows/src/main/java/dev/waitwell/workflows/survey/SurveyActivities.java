package dev.waitwell.workflows.survey;

import io.temporal.activity.ActivityInterface;

/** The worker's side of a survey. */
@ActivityInterface
public interface SurveyActivities {

    /**
     * Records that the order's survey is sent (its {@code surveys} row; a second call changes nothing), before the
     * message goes, so that an answer is never refused for want of it.
     */
    SurveyOpened open(SurveyOpening opening);
}
