package dev.waitwell.workflows.survey;

/** The one place the ids of {@link SurveyWorkflow} are made: {@code survey-{orderId}}, one survey per order. */
public final class SurveyWorkflowIds {

    private static final String PREFIX = "survey-";

    private SurveyWorkflowIds() {}

    public static String of(String orderId) {
        return PREFIX + orderId;
    }
}
