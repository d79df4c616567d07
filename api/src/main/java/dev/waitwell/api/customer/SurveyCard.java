package dev.waitwell.api.customer;

import static dev.waitwell.api.customer.CustomerPage.escape;

import dev.waitwell.api.survey.Surveys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * The survey on the customer's page: once it was sent, five buttons (1 to 5) in one POST form with the token and an
 * optional comment; once answered, the answer that counts.
 */
final class SurveyCard {

    private SurveyCard() {}

    /** Empty when no survey was sent for the order. */
    static String of(Optional<Surveys.Survey> survey, String orderId, String token) {
        return survey.map(sent -> sent.answered() ? answered(sent) : buttons(orderId, token))
                .orElse("");
    }

    private static String buttons(String orderId, String token) {
        StringBuilder html = new StringBuilder("<section class=\"card\" aria-labelledby=\"survey\">")
                .append("<h2 id=\"survey\">How was your wait?</h2>")
                .append("<form method=\"post\" action=\"")
                .append(escape(path(orderId)))
                .append("\"><input type=\"hidden\" name=\"token\" value=\"")
                .append(escape(token))
                .append("\"><label for=\"comment\">Anything to add? (optional)</label>")
                // A text area, not an input: Enter in it must not press the first button (1).
                .append("<textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"")
                .append(Surveys.MAX_COMMENT)
                .append("\"></textarea><p class=\"note\">1 is poor, 5 is great.</p>");
        for (int score = 1; score <= 5; score++) {
            html.append("<button type=\"submit\" name=\"score\" value=\"")
                    .append(score)
                    .append("\" class=\"secondary\">")
                    .append(score)
                    .append(score == 1 ? " (poor)" : score == 5 ? " (great)" : "")
                    .append("</button>");
        }
        return html.append("</form></section>").toString();
    }

    private static String answered(Surveys.Survey survey) {
        return "<section class=\"card\" aria-labelledby=\"survey\"><h2 id=\"survey\">Your answer</h2><p>"
                + escape(summary(survey)) + "</p></section>";
    }

    /** "You gave your wait 4 out of 5. You said: ..." */
    static String summary(Surveys.Survey survey) {
        return "You gave your wait " + survey.score() + " out of 5."
                + (survey.comment() == null ? "" : " You said: " + survey.comment());
    }

    static String path(String orderId) {
        return "/c/orders/" + UriUtils.encodePathSegment(orderId, StandardCharsets.UTF_8) + "/survey";
    }
}
