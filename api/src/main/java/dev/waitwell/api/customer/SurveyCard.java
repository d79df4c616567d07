package dev.waitwell.api.customer;

import dev.waitwell.api.survey.Surveys;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The survey on the customer's page, as its template sees it: once it was sent, five buttons (1 to 5) in one POST
 * form with the token and an optional comment ({@code answered} false, {@code action}, {@code maxComment}); once
 * answered, the answer that counts ({@code summary}).
 */
final class SurveyCard {

    private SurveyCard() {}

    /** Null when no survey was sent for the order: the page shows no card. */
    static Map<String, Object> of(Optional<Surveys.Survey> survey, String orderId, String summary) {
        if (survey.isEmpty()) {
            return null;
        }
        Map<String, Object> card = new HashMap<>();
        card.put("answered", survey.get().answered());
        card.put("summary", summary);
        card.put("action", path(orderId));
        card.put("maxComment", Surveys.MAX_COMMENT);
        return card;
    }

    static String path(String orderId) {
        return CustomerPage.path(orderId, "survey");
    }
}
