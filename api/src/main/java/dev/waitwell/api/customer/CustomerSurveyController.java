package dev.waitwell.api.customer;

import dev.waitwell.api.ratelimit.RateLimits;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.survey.SurveyAnswers.Answered;
import dev.waitwell.api.survey.SurveyAnswers.Outcome;
import dev.waitwell.api.survey.Surveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer answers their order's survey with the token of their link: a button of the page (a form), or JSON
 * for shops that build their own page. A token that is not this order's is 403, an order that was sent no survey
 * 409 SURVEY_NOT_SENT, a score outside 1 to 5 400. The first answer counts; a later one is kept and says so.
 */
@Tag(name = "customer-survey")
@RestController
class CustomerSurveyController {

    private final LinkCheck link;
    private final CustomerSurveys surveys;
    private final RateLimits limits;
    private final CustomerPage page;

    CustomerSurveyController(LinkCheck link, CustomerSurveys surveys, RateLimits limits, CustomerPage page) {
        this.link = link;
        this.surveys = surveys;
        this.limits = limits;
        this.page = page;
    }

    @io.swagger.v3.oas.annotations.Hidden
    @PostMapping(
            value = "/c/orders/{orderId}/survey",
            produces = MediaType.TEXT_HTML_VALUE,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> answerOnPage(
            @PathVariable String orderId,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String score,
            @RequestParam(required = false) String comment,
            HttpServletRequest request) {
        if (!link.passes(orderId, token)) {
            return PageResponses.html(HttpStatus.FORBIDDEN, page.invalidLink());
        }
        limits.acquireForCustomer(orderId);
        Locale locale = page.localeOf(orderId);
        Integer chosen = scoreOf(score);
        if (chosen == null || (comment != null && comment.strip().length() > Surveys.MAX_COMMENT)) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    orderId,
                    token,
                    locale,
                    "page.result.surveyInvalid.heading",
                    page.word(locale, "page.result.surveyInvalid.text", Surveys.MAX_COMMENT));
        }
        Answered answered = surveys.answer(request, orderId, chosen, comment);
        if (answered.outcome() == Outcome.NOT_SENT) {
            return page(
                    HttpStatus.CONFLICT,
                    orderId,
                    token,
                    locale,
                    "page.result.surveyNotSent.heading",
                    page.word(locale, "page.result.surveyNotSent.text"));
        }
        String counted = page.summary(locale, answered.survey().orElseThrow());
        return page(
                HttpStatus.OK,
                orderId,
                token,
                locale,
                "page.result.thanks",
                answered.outcome() == Outcome.COUNTED
                        ? counted
                        : page.word(locale, "page.result.surveyAgain", counted));
    }

    @Operation(summary = "The customer answers their order's survey, 1 to 5, with the token of their link (no login)")
    @PostMapping("/c/v1/orders/{orderId}/survey")
    SurveyAnswerView answer(
            @PathVariable String orderId, @Valid @RequestBody SurveyAnswerBody body, HttpServletRequest request) {
        if (!link.passes(orderId, body.token())) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    ProblemCodes.LINK_INVALID,
                    "The link's token is not valid for this order, or it has expired.");
        }
        limits.acquireForCustomer(orderId);
        Answered answered = surveys.answer(request, orderId, body.score(), body.comment());
        if (answered.outcome() == Outcome.NOT_SENT) {
            throw ApiException.conflict(ProblemCodes.SURVEY_NOT_SENT, "Order " + orderId + " was sent no survey.");
        }
        return SurveyAnswerView.of(answered);
    }

    private static Integer scoreOf(String score) {
        if (score == null || !score.strip().matches("[1-5]")) {
            return null;
        }
        return Integer.valueOf(score.strip());
    }

    private ResponseEntity<String> page(
            HttpStatus status, String orderId, String token, Locale locale, String heading, String message) {
        return PageResponses.html(status, page.result(orderId, token, locale, page.word(locale, heading), message));
    }
}
