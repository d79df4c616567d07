package dev.waitwell.api.customer;

import dev.waitwell.api.survey.SurveyAnswers.Answered;
import dev.waitwell.api.survey.SurveyAnswers.Outcome;
import dev.waitwell.api.survey.Surveys;
import java.time.Instant;

/**
 * What became of an answer: {@code counted} when it was the first (the one that counts), and the answer that counts
 * ({@code score}, {@code comment}, {@code answeredAt}).
 */
record SurveyAnswerView(String orderId, boolean counted, int score, String comment, Instant answeredAt) {

    static SurveyAnswerView of(Answered answered) {
        Surveys.Survey survey = answered.survey().orElseThrow();
        return new SurveyAnswerView(
                survey.orderId(),
                answered.outcome() == Outcome.COUNTED,
                survey.score(),
                survey.comment(),
                survey.answeredAt());
    }
}
