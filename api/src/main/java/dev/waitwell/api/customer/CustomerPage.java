package dev.waitwell.api.customer;

import dev.waitwell.api.order.DecisionView;
import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.payment.PaymentIssueView;
import dev.waitwell.api.survey.Surveys;
import dev.waitwell.messages.Formats;
import dev.waitwell.messages.Messages;
import dev.waitwell.workflows.shared.Money;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The customer's order page and the pages its forms answer with, from the templates {@code page/*.html} in the
 * customer's language: small, self-contained HTML (inline CSS, no scripts, no external assets), every value escaped
 * by the template engine. The templates format dates, amounts and times ({@code fmt}); this class only gathers the
 * facts, so a shop's own template can show them otherwise.
 */
@Component
class CustomerPage {

    private final Messages messages;
    private final PageFacts facts;

    CustomerPage(Messages messages, PageFacts facts) {
        this.messages = messages;
        this.facts = facts;
    }

    /** The order page in the customer's language, naming the product the order is for now. */
    String order(OrderDetails details, String token, boolean checking, Optional<Surveys.Survey> survey) {
        OrderView order = details.order();
        return order(new OrderPage(
                details, facts.productName(order.sku()), localeOf(order.orderId()), token, checking, survey));
    }

    /** The language of the order's customer: the pages its forms answer with speak it too. */
    Locale localeOf(String orderId) {
        return facts.localeOf(orderId);
    }

    String productName(String sku) {
        return facts.productName(sku);
    }

    /**
     * What the order page shows.
     *
     * @param productName the name of the order's product now (after a switch, the new one's)
     * @param token goes into the page's forms, so that only the link's holder can post them
     * @param checking the customer is back from their bank's page and the order checks the payment now
     * @param survey the order's survey, empty when none was sent
     */
    record OrderPage(
            OrderDetails details,
            String productName,
            Locale locale,
            String token,
            boolean checking,
            Optional<Surveys.Survey> survey) {}

    String order(OrderPage page) {
        OrderView order = page.details().order();
        Map<String, Object> v = new HashMap<>();
        v.put("orderId", order.orderId());
        v.put("status", order.status());
        v.put("product", page.productName());
        v.put("quantity", order.quantity());
        v.put("promisedDate", order.promisedDate());
        v.put("total", Money.of(order.total(), order.currency()));
        v.put("paid", Money.of(order.paid(), order.currency()));
        v.put("refunded", order.refunded() > 0 ? Money.of(order.refunded(), order.currency()) : null);
        v.put("rewardCode", order.rewardCode());
        v.put("token", page.token());
        v.put("survey", SurveyCard.of(page.survey(), order.orderId(), summary(page.locale(), page.survey())));
        v.put("decision", order.decision() == null ? null : decision(order.decision()));
        v.put("decisionAction", path(order.orderId(), "decision"));
        v.put("checking", page.checking());
        v.put("payment", "AWAITING_PAYMENT".equals(order.status()) ? payment(order.paymentIssue()) : null);
        v.put("paymentAction", path(order.orderId(), "payment-method"));
        v.put(
                "timeline",
                page.details().timeline().stream().map(CustomerPage::entry).toList());
        // The timeline's entries are written in English when they happen; other languages name each by its type
        // (page.event.<TYPE>, page.status.<STATUS>) where their bundle has the words, and keep the English otherwise.
        v.put("timelineByType", !page.locale().getLanguage().equals("en"));
        String title = messages.word(page.locale(), "page.order.title", order.orderId());
        return inLayout("page/order.html", page.locale(), title, v);
    }

    /** What a decision, a new payment method or a survey answer did, with the way back to the order. */
    String result(String orderId, String token, Locale locale, String heading, String message) {
        Map<String, Object> v = new HashMap<>();
        v.put("heading", heading);
        v.put("message", message);
        v.put("back", path(orderId, null) + "?token=" + token);
        return inLayout("page/result.html", locale, heading, v);
    }

    /** In the shop's language: without a valid link, the page knows no order and so no customer. */
    String invalidLink() {
        return invalidLink(messages.locales().shopLocale());
    }

    String invalidLink(Locale locale) {
        return inLayout("page/invalid-link.html", locale, word(locale, "page.invalid.title"), Map.of());
    }

    /** Dates and amounts in the customer's language, for the words the controllers put together. */
    Formats formats(Locale locale) {
        return messages.formats(locale);
    }

    /** One word of the bundles when the language's chain has it. */
    Optional<String> wordIfAny(Locale locale, String key) {
        return messages.wordIfAny(locale, key);
    }

    /** One word of the page's bundles. */
    String word(Locale locale, String key, Object... parameters) {
        return messages.word(locale, key, parameters);
    }

    /** "You gave your wait 4 out of 5. You said: ..." */
    String summary(Locale locale, Surveys.Survey survey) {
        return survey.comment() == null
                ? word(locale, "page.survey.summary", survey.score())
                : word(locale, "page.survey.summary.comment", survey.score(), survey.comment());
    }

    private String summary(Locale locale, Optional<Surveys.Survey> survey) {
        return survey.filter(Surveys.Survey::answered)
                .map(answered -> summary(locale, answered))
                .orElse(null);
    }

    /** The body first, then the layout around it: a shop may override either, per language. */
    private String inLayout(String template, Locale locale, String title, Map<String, Object> variables) {
        Map<String, Object> v = new HashMap<>(variables);
        v.put("body", messages.render(template, locale, v));
        v.put("title", title);
        return messages.render("page/layout.html", locale, v);
    }

    private static Map<String, Object> entry(OrderDetails.TimelineEntry entry) {
        Map<String, Object> v = new HashMap<>();
        v.put("at", entry.at().toInstant());
        v.put("type", entry.type());
        v.put("message", entry.message());
        return v;
    }

    private static Map<String, Object> decision(DecisionView decision) {
        Map<String, Object> v = new HashMap<>();
        v.put("newDate", decision.newDate());
        v.put("reason", decision.reason());
        v.put("deadline", decision.deadline());
        v.put("silenceMeansWait", decision.silenceMeansWait());
        v.put("choices", decision.choices().stream().map(Enum::name).toList());
        v.put(
                "alternatives",
                decision.alternatives().stream()
                        .map(a -> Map.of(
                                "sku", a.sku(), "name", a.name(), "unitPrice", Money.of(a.unitPrice(), a.currency())))
                        .toList());
        return v;
    }

    /** A payment form always; a link to the bank's page too while the bank waits for the customer. */
    private static Map<String, Object> payment(PaymentIssueView issue) {
        Map<String, Object> v = new HashMap<>();
        v.put("bankUrl", confirmsWithBank(issue) ? issue.actionUrl() : null);
        return v;
    }

    /** Only a web page may be linked: the URL comes from the processor, through the worker. */
    private static boolean confirmsWithBank(PaymentIssueView issue) {
        return issue != null
                && issue.confirmsWithBank()
                && (issue.actionUrl().startsWith("https://")
                        || issue.actionUrl().startsWith("http://"));
    }

    static String path(String orderId, String action) {
        return "/c/orders/" + UriUtils.encodePathSegment(orderId, StandardCharsets.UTF_8)
                + (action == null ? "" : "/" + action);
    }
}
