package dev.waitwell.api.customer;

import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.ratelimit.RateLimits;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.workflows.shared.DelayChoice;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page behind the link in every message. No login: the signed token is the key. A GET only shows (but for the
 * return from the customer's bank, which only asks the order to check its waiting charge at Stripe); the choices on a
 * delay and a new payment method are POST forms carrying the token, so neither a link scanner nor another site can
 * act for the customer.
 */
@Hidden
@RestController
class CustomerPageController {

    private static final String PAYMENT_METHOD = "^[A-Za-z0-9_.:-]{1,200}$";

    private final LinkCheck link;
    private final CustomerActions actions;
    private final RateLimits limits;
    private final CustomerSurveys surveys;
    private final CustomerPage page;

    CustomerPageController(
            LinkCheck link, CustomerActions actions, RateLimits limits, CustomerSurveys surveys, CustomerPage page) {
        this.link = link;
        this.actions = actions;
        this.limits = limits;
        this.surveys = surveys;
        this.page = page;
    }

    /**
     * The order page. Stripe sends the customer back here from their bank's page with {@code payment_intent},
     * {@code redirect_status} and {@code payment_intent_client_secret} (never read): the one GET that may change
     * something, by telling the order to check the charge that waited on the bank (bounded: {@link BankReturns}).
     */
    @GetMapping(value = "/c/orders/{orderId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(
            @PathVariable String orderId,
            @RequestParam(required = false) String token,
            @RequestParam(name = "payment_intent", required = false) String paymentIntent,
            @RequestParam(name = "redirect_status", required = false) String redirectStatus,
            HttpServletRequest request) {
        if (!link.passes(orderId, token)) {
            return respond(HttpStatus.FORBIDDEN, page.invalidLink());
        }
        boolean checking = actions.returnedFromBank(request, orderId, paymentIntent, redirectStatus);
        return respond(HttpStatus.OK, page.order(actions.liveDetails(orderId), token, checking, surveys.of(orderId)));
    }

    @PostMapping(
            value = "/c/orders/{orderId}/decision",
            produces = MediaType.TEXT_HTML_VALUE,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> decide(
            @PathVariable String orderId,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String choice,
            @RequestParam(required = false) String alternativeSku,
            HttpServletRequest request) {
        if (!link.passes(orderId, token)) {
            return respond(HttpStatus.FORBIDDEN, page.invalidLink());
        }
        // Only now, with the link checked: nobody else can use up the customer's allowance on their order.
        limits.acquireForCustomer(orderId);
        Locale locale = page.localeOf(orderId);
        DelayChoice chosen;
        try {
            chosen = DelayChoice.valueOf(choice);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return result(
                    HttpStatus.BAD_REQUEST,
                    orderId,
                    token,
                    locale,
                    "page.result.choiceUnknown.heading",
                    page.word(locale, "page.result.choiceUnknown.text"));
        }
        try {
            OrderView order =
                    actions.decide(request, orderId, chosen, alternativeSku).order();
            return result(HttpStatus.OK, orderId, token, locale, "page.result.thanks", decided(locale, chosen, order));
        } catch (ApiException refused) {
            return refused(refused, orderId, token, locale);
        }
    }

    @PostMapping(
            value = "/c/orders/{orderId}/payment-method",
            produces = MediaType.TEXT_HTML_VALUE,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> changePaymentMethod(
            @PathVariable String orderId,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String paymentMethod,
            HttpServletRequest request) {
        if (!link.passes(orderId, token)) {
            return respond(HttpStatus.FORBIDDEN, page.invalidLink());
        }
        limits.acquireForCustomer(orderId);
        Locale locale = page.localeOf(orderId);
        if (paymentMethod == null || !paymentMethod.strip().matches(PAYMENT_METHOD)) {
            return result(
                    HttpStatus.BAD_REQUEST,
                    orderId,
                    token,
                    locale,
                    "page.result.paymentInvalid.heading",
                    page.word(locale, "page.result.paymentInvalid.text"));
        }
        try {
            OrderView order = actions.changePaymentMethod(request, orderId, paymentMethod.strip())
                    .order();
            String status = page.word(locale, "page.status." + order.status());
            return result(
                    HttpStatus.OK,
                    orderId,
                    token,
                    locale,
                    "page.result.paymentUpdated.heading",
                    page.word(locale, "page.result.paymentUpdated.text", status));
        } catch (ApiException refused) {
            return refused(refused, orderId, token, locale);
        }
    }

    private String decided(Locale locale, DelayChoice choice, OrderView order) {
        return switch (choice) {
            case WAIT -> {
                String waiting = order.promisedDate() == null
                        ? page.word(locale, "page.result.waiting")
                        : page.word(
                                locale,
                                "page.result.waitingFor",
                                page.formats(locale).date(order.promisedDate()));
                yield order.rewardCode() == null
                        ? waiting
                        : waiting + " " + page.word(locale, "page.result.reward", order.rewardCode());
            }
            case SWITCH -> page.word(locale, "page.result.switched", page.productName(order.sku()));
            case CANCEL -> page.word(locale, "page.result.cancelled");
        };
    }

    /**
     * The workflow's or the API's refusal: in English its own words, which name the order's state precisely; in
     * another language the words its bundle has for the refusal's code ({@code page.refused.<CODE>}), else the
     * English. The heading says in the customer's language that nothing changed.
     */
    private ResponseEntity<String> refused(ApiException refused, String orderId, String token, Locale locale) {
        String words = locale.getLanguage().equals("en")
                ? refused.getMessage()
                : page.wordIfAny(locale, "page.refused." + refused.code()).orElse(refused.getMessage());
        return result(refused.status(), orderId, token, locale, "page.result.unchanged", words);
    }

    private ResponseEntity<String> result(
            HttpStatus status, String orderId, String token, Locale locale, String heading, String message) {
        return respond(status, page.result(orderId, token, locale, page.word(locale, heading), message));
    }

    private static ResponseEntity<String> respond(HttpStatus status, String html) {
        return PageResponses.html(status, html);
    }
}
