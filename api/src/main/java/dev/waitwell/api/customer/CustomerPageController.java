package dev.waitwell.api.customer;

import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.ratelimit.RateLimits;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.workflows.shared.DelayChoice;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
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

    CustomerPageController(LinkCheck link, CustomerActions actions, RateLimits limits, CustomerSurveys surveys) {
        this.link = link;
        this.actions = actions;
        this.limits = limits;
        this.surveys = surveys;
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
            return respond(HttpStatus.FORBIDDEN, CustomerPage.invalidLink());
        }
        boolean checking = actions.returnedFromBank(request, orderId, paymentIntent, redirectStatus);
        String survey = SurveyCard.of(surveys.of(orderId), orderId, token);
        return respond(HttpStatus.OK, CustomerPage.order(actions.liveDetails(orderId), token, checking, survey));
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
            return respond(HttpStatus.FORBIDDEN, CustomerPage.invalidLink());
        }
        // Only now, with the link checked: nobody else can use up the customer's allowance on their order.
        limits.acquireForCustomer(orderId);
        DelayChoice chosen;
        try {
            chosen = DelayChoice.valueOf(choice);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return result(
                    HttpStatus.BAD_REQUEST,
                    orderId,
                    token,
                    "Please choose again",
                    "That choice is not one we offer. Go back to your order and press one of its buttons.");
        }
        try {
            OrderView order =
                    actions.decide(request, orderId, chosen, alternativeSku).order();
            return result(HttpStatus.OK, orderId, token, "Thank you", decided(chosen, order));
        } catch (ApiException refused) {
            return result(refused.status(), orderId, token, "Nothing was changed", refused.getMessage());
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
            return respond(HttpStatus.FORBIDDEN, CustomerPage.invalidLink());
        }
        limits.acquireForCustomer(orderId);
        if (paymentMethod == null || !paymentMethod.strip().matches(PAYMENT_METHOD)) {
            return result(
                    HttpStatus.BAD_REQUEST,
                    orderId,
                    token,
                    "Please try again",
                    "Enter the payment method your bank or card provider gave you.");
        }
        try {
            OrderView order = actions.changePaymentMethod(request, orderId, paymentMethod.strip())
                    .order();
            return result(
                    HttpStatus.OK,
                    orderId,
                    token,
                    "Payment method updated",
                    "We tried again with the new " + "payment method. Your order's status is now: " + order.status()
                            + ".");
        } catch (ApiException refused) {
            return result(refused.status(), orderId, token, "Nothing was changed", refused.getMessage());
        }
    }

    private static String decided(DelayChoice choice, OrderView order) {
        return switch (choice) {
            case WAIT ->
                "Your order keeps waiting" + (order.promisedDate() == null ? "." : " for " + order.promisedDate() + ".")
                        + (order.rewardCode() == null
                                ? ""
                                : " Your reward code for a next order: " + order.rewardCode() + ".");
            case SWITCH -> "Your order is now for " + order.sku() + "; any price difference was charged or refunded.";
            case CANCEL -> "Your order is cancelled; everything you paid is refunded.";
        };
    }

    private static ResponseEntity<String> result(
            HttpStatus status, String orderId, String token, String heading, String message) {
        return respond(status, CustomerPage.result(orderId, token, heading, message));
    }

    private static ResponseEntity<String> respond(HttpStatus status, String html) {
        return PageResponses.html(status, html);
    }
}
