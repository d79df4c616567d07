package dev.waitwell.api.notification;

import dev.waitwell.api.notification.InboundTexts.Answer;
import dev.waitwell.api.notification.PhoneOrders.PhoneOrder;
import dev.waitwell.api.order.DecisionView;
import dev.waitwell.api.order.OrderDecisions;
import dev.waitwell.api.order.OrderQueries;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.order.OrderWorkflows;
import dev.waitwell.api.ratelimit.RateLimits;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.DelayChoice;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WAIT, SWITCH or CANCEL by text: decided exactly as the customer's link decides (the order's workflow accepts it
 * while its decision is open, with the same reward for waiting), audited as the customer's with the sender's number
 * ({@code sms:+14155550123}) where the link's audit has the client address, and within the order's customer
 * allowance. A sender with several open decisions is asked which order, by the code each delay notice showed, and
 * nothing is decided until the reply names one.
 */
@Component
class SmsDecisions {

    private static final Logger log = LoggerFactory.getLogger(SmsDecisions.class);

    private final OrderDecisions decisions;
    private final OrderQueries queries;
    private final OrderWorkflows workflows;
    private final RateLimits limits;
    private final SmsReplies replies;

    SmsDecisions(
            OrderDecisions decisions,
            OrderQueries queries,
            OrderWorkflows workflows,
            RateLimits limits,
            SmsReplies replies) {
        this.decisions = decisions;
        this.queries = queries;
        this.workflows = workflows;
        this.limits = limits;
        this.replies = replies;
    }

    /** @param language the sender's ({@link SmsReplies#languageOf}), which the answer is written in */
    Answer decide(SmsKeyword keyword, String argument, List<PhoneOrder> orders, String phone, Locale language) {
        DelayChoice choice = DelayChoice.valueOf(keyword.name());
        List<String> words = argument == null || argument.isBlank()
                ? List.of()
                : Arrays.asList(argument.strip().split("[\\s,]+"));
        List<PhoneOrder> open =
                orders.stream().filter(PhoneOrder::awaitingDecision).toList();
        List<PhoneOrder> named = orders.stream()
                .filter(order -> words.stream().anyMatch(order::namedBy))
                .toList();
        if (named.size() == 1 && !named.get(0).awaitingDecision()) {
            return new Answer(
                    keyword, named.get(0).orderId(), "no open decision", replies.noDecisionOn(language, named.get(0)));
        }
        // A code that names none of the sender's orders is a mistake to ask about, never a reason to pick one;
        // other words ("please", a sku to switch to) name no order.
        boolean namesAnOrder = !named.isEmpty() || words.stream().anyMatch(word -> word.matches("[0-9]{4}"));
        List<PhoneOrder> candidates = namesAnOrder
                ? named.stream().filter(PhoneOrder::awaitingDecision).toList()
                : open;
        if (open.isEmpty()) {
            return new Answer(keyword, null, "no open decision", replies.noOpenDecision(language));
        }
        if (candidates.size() != 1) {
            return new Answer(
                    keyword,
                    null,
                    "asked which order",
                    replies.whichOrder(language, keyword, candidates.isEmpty() ? open : candidates));
        }
        PhoneOrder order = candidates.get(0);
        String alternative = null;
        if (choice == DelayChoice.SWITCH) {
            Optional<String> sku = alternativeFor(order, words);
            if (sku.isEmpty()) {
                return new Answer(
                        keyword, order.orderId(), "asked which product", replies.chooseOnPage(language, order));
            }
            alternative = sku.get();
        }
        return carryOut(keyword, order, alternative, phone, language);
    }

    private Answer carryOut(SmsKeyword keyword, PhoneOrder order, String alternative, String phone, Locale language) {
        DelayChoice choice = DelayChoice.valueOf(keyword.name());
        try {
            limits.acquireForCustomer(order.orderId());
            OrderView decided = decisions
                    .decideAsCustomer(order.orderId(), choice, alternative, "sms:" + phone)
                    .order();
            return new Answer(
                    keyword,
                    order.orderId(),
                    "decided " + choice + (alternative == null ? "" : " to " + alternative),
                    replies.decided(language, choice, decided));
        } catch (ApiException refused) {
            log.info(
                    "Order {}: {} by SMS refused: {} {}",
                    order.orderId(),
                    choice,
                    refused.code(),
                    refused.getMessage());
            return new Answer(
                    keyword, order.orderId(), "refused: " + refused.code(), refusal(order, refused, language));
        }
    }

    private String refusal(PhoneOrder order, ApiException refused, Locale language) {
        return switch (refused.code()) {
            case ProblemCodes.DECISION_NOT_OPEN -> replies.noDecisionOn(language, order);
            case ProblemCodes.ALTERNATIVE_NOT_AVAILABLE -> replies.alternativeGone(language, order);
            case ProblemCodes.RATE_LIMITED -> replies.tooMany(language, order);
            default -> replies.tryLater(language);
        };
    }

    /**
     * The product to switch to: the one the text names among the alternatives in stock now, or the only one there
     * is; empty when the customer must choose on the page.
     */
    private Optional<String> alternativeFor(PhoneOrder order, List<String> words) {
        DecisionView decision =
                queries.details(order.orderId(), workflows::state).order().decision();
        List<DecisionView.Alternative> inStock = decision == null ? List.of() : decision.alternatives();
        Optional<String> named = inStock.stream()
                .map(DecisionView.Alternative::sku)
                .filter(sku -> words.stream().anyMatch(sku::equalsIgnoreCase))
                .findFirst();
        if (named.isPresent() || inStock.size() != 1) {
            return named;
        }
        return Optional.of(inStock.get(0).sku());
    }
}
