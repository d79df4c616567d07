package dev.waitwell.api.customer;

import dev.waitwell.api.order.DecisionView;
import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.payment.PaymentIssueView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Map;
import org.springframework.web.util.UriUtils;

/** The customer's order page: small, self-contained HTML (inline CSS, no scripts, no external assets). */
final class CustomerPage {

    private static final Map<String, String> STATUS_WORDS = Map.of(
            "AWAITING_RELEASE", "Waiting for the release",
            "AWAITING_STOCK", "Waiting for stock",
            "AWAITING_DECISION", "Delayed: your choice is needed",
            "AWAITING_PAYMENT", "Payment needed",
            "READY_TO_SHIP", "Being prepared for shipping",
            "SHIPPED", "Shipped",
            "CANCELLED", "Cancelled");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24;\
            line-height:1.5}main{max-width:36rem;margin:0 auto;padding:1.25rem}h1{font-size:1.4rem;margin:.5rem 0 1rem}\
            .card{background:#fff;border-radius:.75rem;padding:1rem 1.25rem;margin-bottom:1rem;\
            box-shadow:0 1px 3px rgba(0,0,0,.08)}dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem;margin:0}\
            dt{color:#4a5360}dd{margin:0;font-weight:600}.status{font-size:1.15rem;font-weight:700;color:#0b5cad}\
            ol{padding-left:1.25rem;margin:0}li{margin:.35rem 0}time{display:block;color:#4a5360;font-size:.85rem}\
            h2{font-size:1.05rem;margin:0 0 .5rem}form{margin:.6rem 0}\
            button{display:block;width:100%;min-height:2.75rem;padding:.6rem 1rem;font-size:1rem;font-weight:600;\
            border-radius:.5rem;border:2px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer;text-align:left}\
            button.secondary{background:#fff;color:#0b4a8b}a.button{display:block;box-sizing:border-box;min-height:2.75rem;\
            padding:.6rem 1rem;font-weight:600;border-radius:.5rem;background:#0b5cad;color:#fff;text-decoration:none;\
            margin:.6rem 0}button:focus-visible,input:focus-visible,a.button:focus-visible{outline:3px solid #f5a623;\
            outline-offset:2px}label{display:block;font-weight:600;margin-bottom:.3rem}\
            input[type=text],textarea{width:100%;box-sizing:border-box;min-height:2.75rem;padding:.5rem;font-size:1rem;\
            border:2px solid #4a5360;border-radius:.5rem;margin-bottom:.6rem}.note{color:#4a5360;font-size:.9rem}\
            .alert{border-left:4px solid #b3261e}""";

    private CustomerPage() {}

    /**
     * The order page; {@code token} goes into its forms, so that only the link's holder can post them.
     *
     * @param checking the customer is back from their bank's page and the order checks the payment now
     */
    static String order(OrderDetails details, String token, boolean checking) {
        return order(details, token, checking, "");
    }

    /** @param survey the survey's card ({@link SurveyCard}), or empty */
    static String order(OrderDetails details, String token, boolean checking, String survey) {
        OrderView order = details.order();
        StringBuilder html = new StringBuilder(head("Your order " + order.orderId()));
        html.append("<main><h1>Order ")
                .append(escape(order.orderId()))
                .append("</h1>")
                .append("<section class=\"card\" aria-labelledby=\"status\"><h2 id=\"status\">Status</h2>")
                .append("<p class=\"status\">")
                .append(escape(STATUS_WORDS.getOrDefault(order.status(), order.status())))
                .append("</p><dl>")
                .append(row("Product", order.sku() + " × " + order.quantity()))
                .append(row(
                        "Promised for",
                        order.promisedDate() == null
                                ? "not known yet"
                                : order.promisedDate().toString()))
                .append(row("Total", money(order.total(), order.currency())))
                .append(row("Paid", money(order.paid(), order.currency())));
        if (order.refunded() > 0) {
            html.append(row("Refunded", money(order.refunded(), order.currency())));
        }
        if (order.rewardCode() != null) {
            html.append(row("Your reward code", order.rewardCode()));
        }
        html.append("</dl></section>").append(survey);
        if (order.decision() != null) {
            html.append(decision(order, token));
        }
        if (checking) {
            html.append(checkingPayment());
        }
        if ("AWAITING_PAYMENT".equals(order.status())) {
            boolean bankWaits = confirmsWithBank(order.paymentIssue());
            if (bankWaits && !checking) {
                html.append(confirmWithBank(order.paymentIssue()));
            }
            html.append(paymentMethodForm(order, token, bankWaits));
        }
        html.append("<section class=\"card\" aria-labelledby=\"timeline\"><h2 id=\"timeline\">What happened</h2><ol>");
        for (OrderDetails.TimelineEntry entry : details.timeline()) {
            html.append("<li><time datetime=\"")
                    .append(escape(entry.at().toInstant().toString()))
                    .append("\">")
                    .append(escape(AT.format(entry.at().atZoneSameInstant(java.time.ZoneOffset.UTC))))
                    .append("</time>")
                    .append(escape(entry.message()))
                    .append("</li>");
        }
        return html.append("</ol></section></main></body></html>").toString();
    }

    /**
     * The choices of an open delay, each a button in its own POST form: a link scanner that follows every GET
     * decides nothing, and another site cannot post without the token of the link.
     */
    private static String decision(OrderView order, String token) {
        DecisionView decision = order.decision();
        StringBuilder html = new StringBuilder("<section class=\"card alert\" aria-labelledby=\"decision\">")
                .append("<h2 id=\"decision\">Your order is delayed</h2><p>")
                .append(
                        decision.newDate() == null
                                ? "We cannot promise a new date yet"
                                : "The new date we can promise is <strong>"
                                        + escape(decision.newDate().toString()) + "</strong>")
                .append(": ")
                .append(escape(decision.reason()))
                .append(".</p><p>Please choose by <strong>")
                .append(escape(AT.format(decision.deadline().atZone(java.time.ZoneOffset.UTC))))
                .append("</strong>. ")
                .append(
                        decision.silenceMeansWait()
                                ? "If we do not hear from you, your order keeps waiting."
                                : "If we do not hear from you, we cancel the order and refund everything you paid.")
                .append("</p>");
        for (var choice : decision.choices()) {
            switch (choice) {
                case WAIT ->
                    html.append(form(
                            order,
                            token,
                            "WAIT",
                            null,
                            "Wait for the new date (and get a discount code for your patience)",
                            false));
                case SWITCH -> {
                    if (decision.alternatives().isEmpty()) {
                        html.append("<p class=\"note\">No alternative is in stock right now.</p>");
                    }
                    for (DecisionView.Alternative alternative : decision.alternatives()) {
                        html.append(form(
                                order,
                                token,
                                "SWITCH",
                                alternative.sku(),
                                "Switch to " + alternative.name() + " ("
                                        + money(alternative.unitPrice(), alternative.currency()) + " each)",
                                false));
                    }
                }
                case CANCEL ->
                    html.append(form(order, token, "CANCEL", null, "Cancel the order and get a full refund", true));
            }
        }
        return html.append("</section>").toString();
    }

    private static String form(
            OrderView order, String token, String choice, String alternativeSku, String label, boolean secondary) {
        return "<form method=\"post\" action=\"" + escape(path(order.orderId(), "decision")) + "\">"
                + hidden("token", token) + hidden("choice", choice)
                + (alternativeSku == null ? "" : hidden("alternativeSku", alternativeSku))
                + "<button type=\"submit\"" + (secondary ? " class=\"secondary\"" : "") + ">" + escape(label)
                + "</button></form>";
    }

    /** Only a web page may be linked: the URL comes from the processor, through the worker. */
    private static boolean confirmsWithBank(PaymentIssueView issue) {
        return issue != null
                && issue.confirmsWithBank()
                && (issue.actionUrl().startsWith("https://")
                        || issue.actionUrl().startsWith("http://"));
    }

    /** A plain link to the bank's page (no script): the bank sends the customer back to this page afterwards. */
    private static String confirmWithBank(PaymentIssueView issue) {
        return "<section class=\"card alert\" aria-labelledby=\"bank\"><h2 id=\"bank\">Please confirm your payment"
                + "</h2><p>Your bank asks you to confirm this payment before we can take it (a security check of your "
                + "card). Your order waits until you do.</p><a class=\"button\" rel=\"noreferrer\" href=\""
                + escape(issue.actionUrl()) + "\">Confirm with your bank</a><p class=\"note\">You come back to this "
                + "page afterwards.</p></section>";
    }

    /** The return's parameters may say either way: the page claims nothing until the order has read Stripe. */
    private static String checkingPayment() {
        return "<section class=\"card\" role=\"status\" aria-labelledby=\"checking\"><h2 id=\"checking\">We are "
                + "checking your payment</h2><p>You are back from your bank's page. We are checking the payment with "
                + "your bank now: reload this page in a moment to see your order's status.</p></section>";
    }

    private static String paymentMethodForm(OrderView order, String token, boolean bankWaits) {
        String intro = bankWaits
                ? "<h2 id=\"payment\">Or use another payment method</h2><p>Enter a new payment method and we will "
                        + "try it at once instead.</p>"
                : "<h2 id=\"payment\">Your payment did not go through</h2><p>Enter a new payment method and we will "
                        + "try again at once.</p>";
        return "<section class=\"card alert\" aria-labelledby=\"payment\">" + intro
                + "<form method=\"post\" action=\"" + escape(path(order.orderId(), "payment-method")) + "\">"
                + hidden("token", token)
                + "<label for=\"paymentMethod\">Payment method</label>"
                + "<input type=\"text\" id=\"paymentMethod\" name=\"paymentMethod\" required maxlength=\"200\" "
                + "autocomplete=\"off\"><button type=\"submit\">Use this payment method</button></form></section>";
    }

    /** What a decision or a new payment method did, with the way back to the order. */
    static String result(String orderId, String token, String heading, String message) {
        return head(heading) + "<main><h1>" + escape(heading) + "</h1><section class=\"card\" role=\"status\"><p>"
                + escape(message) + "</p><p><a href=\"" + escape(path(orderId, null) + "?token=" + token)
                + "\">Back to your order</a></p></section></main></body></html>";
    }

    private static String path(String orderId, String action) {
        return "/c/orders/" + UriUtils.encodePathSegment(orderId, StandardCharsets.UTF_8)
                + (action == null ? "" : "/" + action);
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    static String invalidLink() {
        return head("Link not valid") + "<main><h1>This link is not valid</h1><section class=\"card\"><p>The link may "
                + "have expired or been changed. Please use the latest link from our messages, or contact us.</p>"
                + "</section></main></body></html>";
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + " · Waitwell</title>"
                + "<style>" + STYLE + "</style></head><body>";
    }

    private static String row(String label, String value) {
        return "<dt>" + escape(label) + "</dt><dd>" + escape(value) + "</dd>";
    }

    static String money(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
