package dev.waitwell.api.order;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Map;

/** The customer's order page: small, self-contained HTML (inline CSS, no scripts, no external assets). */
final class CustomerPage {

    private static final Map<String, String> STATUS_WORDS = Map.of(
            "AWAITING_RELEASE", "Waiting for the release",
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
            h2{font-size:1.05rem;margin:0 0 .5rem}""";

    private CustomerPage() {
    }

    static String order(OrderDetails details) {
        OrderView order = details.order();
        StringBuilder html = new StringBuilder(head("Your order " + order.orderId()));
        html.append("<main><h1>Order ").append(escape(order.orderId())).append("</h1>")
                .append("<section class=\"card\" aria-labelledby=\"status\"><h2 id=\"status\">Status</h2>")
                .append("<p class=\"status\">").append(escape(STATUS_WORDS.getOrDefault(order.status(), order.status())))
                .append("</p><dl>")
                .append(row("Product", order.sku() + " × " + order.quantity()))
                .append(row("Promised for", order.promisedDate() == null ? "—" : order.promisedDate().toString()))
                .append(row("Total", money(order.total(), order.currency())))
                .append(row("Paid", money(order.paid(), order.currency())));
        if (order.refunded() > 0) {
            html.append(row("Refunded", money(order.refunded(), order.currency())));
        }
        html.append("</dl></section>")
                .append("<section class=\"card\" aria-labelledby=\"timeline\"><h2 id=\"timeline\">What happened</h2><ol>");
        for (OrderDetails.TimelineEntry entry : details.timeline()) {
            html.append("<li><time datetime=\"").append(escape(entry.at().toInstant().toString())).append("\">")
                    .append(escape(AT.format(entry.at().atZoneSameInstant(java.time.ZoneOffset.UTC))))
                    .append("</time>").append(escape(entry.message())).append("</li>");
        }
        return html.append("</ol></section></main></body></html>").toString();
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
