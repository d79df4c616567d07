package dev.waitwell.api.customer;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.survey.SurveyAnswers;
import dev.waitwell.api.survey.SurveyAnswers.Answered;
import dev.waitwell.api.survey.SurveyAnswers.Outcome;
import dev.waitwell.api.survey.Surveys;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holder of an order's link answers its survey. Each page request is its own answer (its own id): the first
 * counts, the later ones are kept. Audited as the customer's, with the request's client address, like the
 * customer's other actions.
 */
@Service
class CustomerSurveys {

    static final String ACTION = "SURVEY_ANSWERED";

    private final SurveyAnswers answers;
    private final Surveys surveys;
    private final StaffActions staffActions;

    CustomerSurveys(SurveyAnswers answers, Surveys surveys, StaffActions staffActions) {
        this.answers = answers;
        this.surveys = surveys;
        this.staffActions = staffActions;
    }

    Optional<Surveys.Survey> of(String orderId) {
        return surveys.of(orderId);
    }

    @Transactional
    Answered answer(HttpServletRequest request, String orderId, int score, String comment) {
        Answered answered =
                answers.record(orderId, score, comment, SurveyAnswers.Via.PAGE, "page-" + UUID.randomUUID());
        if (answered.outcome() != Outcome.NOT_SENT) {
            staffActions.record(StaffAction.byCustomer(
                    ACTION,
                    orderId,
                    score + (answered.outcome() == Outcome.COUNTED ? " (counted)" : " (kept; the first answer counts)"),
                    request.getRemoteAddr()));
        }
        return answered;
    }
}
