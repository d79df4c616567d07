package dev.waitwell.activities.notification;

import static dev.waitwell.activities.notification.MessageText.date;
import static dev.waitwell.activities.notification.MessageText.money;
import static dev.waitwell.activities.notification.MessageText.positive;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.NotificationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Plain-text emails, one per milestone. The subject names the milestone and the order. */
final class EmailTemplates {

    private EmailTemplates() {}

    static Draft render(NotificationRequest request, String recipient) {
        MessageFacts f = request.facts();
        String order = "Order " + request.orderId();
        String product = f.productName();
        return switch (request.milestone()) {
            case CONFIRMED ->
                draft(
                        request,
                        recipient,
                        order + " confirmed: " + product + on(f, " arrives ", ""),
                        "Thank you for your order " + request.orderId() + ": " + f.quantity() + " x " + product + ".",
                        f.promisedDate() == null ? null : "We promise it by " + date(f.promisedDate()) + ".",
                        positive(f.amount())
                                ? "Charged today: " + money(f.amount()) + "."
                                : "Nothing was charged today.",
                        f.total() == null ? null : "Order total: " + money(f.total()) + ".");
            case RELEASE_REMINDER ->
                draft(
                        request,
                        recipient,
                        order + " reminder: " + product + " is released" + on(f, " on ", " soon"),
                        product + " is released" + on(f, " on ", " soon") + ".",
                        positive(f.amount())
                                ? "On release we will charge " + money(f.amount()) + " to your payment method."
                                : "Your order is paid in full: nothing more will be charged.",
                        "To change your payment method, use the link below.");
            // Pre-orders on release and backorders once allocated both get it: it must not say "released".
            case CHARGED ->
                draft(
                        request,
                        recipient,
                        order + " charged: " + product,
                        "We charged " + (f.amount() == null ? "the balance" : money(f.amount())) + " for your order "
                                + request.orderId() + " (" + product + "); it ships once the warehouse has packed it.",
                        f.paid() == null ? null : "Paid in total: " + money(f.paid()) + ".",
                        "We will tell you when it leaves.");
            case RELEASED ->
                draft(
                        request,
                        recipient,
                        order + " released: " + product + " ships soon",
                        product + " is released.",
                        "Your order is paid in full" + (f.paid() == null ? "" : " (" + money(f.paid()) + ")")
                                + ": nothing more is charged.",
                        "We will ship it soon and tell you when it leaves.");
            case PAYMENT_FAILED ->
                draft(
                        request,
                        recipient,
                        order + " payment failed: please update your payment method",
                        "We could not charge " + (f.amount() == null ? "your payment" : money(f.amount())) + " for "
                                + product + (f.reason() == null ? "." : ": " + f.reason() + "."),
                        "Please choose another payment method through the link below, or your order will be cancelled.");
            // The bank's own page is reached from the order page only: a link to it in a message would teach
            // customers to follow payment links in emails.
            case PAYMENT_ACTION_REQUIRED ->
                draft(
                        request,
                        recipient,
                        order + " payment: please confirm it with your bank",
                        "Your bank asks you to confirm the payment of "
                                + (f.amount() == null ? "your order" : money(f.amount())) + " for " + product + ".",
                        "Please open your order through the link below and choose \"Confirm with your bank\"."
                                + " Until you confirm, we cannot go on with your order.");
            case SHIPPED ->
                draft(
                        request,
                        recipient,
                        order + " shipped: " + product + " is on its way",
                        f.quantity() + " x " + product + " left our warehouse with " + f.carrier()
                                + ", tracking number " + f.trackingNumber() + ".",
                        f.paid() == null ? null : "Paid: " + money(f.paid()) + ".");
            case CANCELLED ->
                draft(
                        request,
                        recipient,
                        order + " cancelled" + (positive(f.amount()) ? ": " + money(f.amount()) + " refunded" : ""),
                        "Your order of " + product + " was cancelled"
                                + (f.reason() == null ? "." : ": " + f.reason() + "."),
                        positive(f.amount())
                                ? "We refunded " + money(f.amount()) + " to your payment method."
                                : "Nothing was charged, so there is nothing to refund.");
            case DELAY_NOTICE -> DelayEmails.notice(request, recipient);
            case DELAY_ACCEPTED -> DelayEmails.accepted(request, recipient);
            case PROMISE_IMPROVED -> DelayEmails.improved(request, recipient);
            case WAIT_REMINDER -> DelayEmails.reminder(request, recipient);
            case SWITCHED -> DelayEmails.switched(request, recipient);
            // Support sent it at the customer's request: the link, and nothing that would make it look like news.
            case LINK_RESENT ->
                draft(
                        request,
                        recipient,
                        order + ": the link to your order",
                        "Here is the link to your order " + request.orderId() + " (" + f.quantity() + " x " + product
                                + "), as you asked.",
                        "It shows where your order stands and what you can do.");
            // Some days after shipment: the page's five buttons answer it, one click, no login.
            case SURVEY ->
                draft(
                        request,
                        recipient,
                        order + ": how was your wait?",
                        "Your order " + request.orderId() + " (" + f.quantity() + " x " + product
                                + ") reached you a few days ago. How was your wait?",
                        "Answer with one click on your order's page, from 1 (poor) to 5 (great), and tell us more if "
                                + "you like. It takes a few seconds and helps us keep our promises.");
        };
    }

    /** The promised date after {@code prefix}, or {@code otherwise} when there is none yet. */
    private static String on(MessageFacts facts, String prefix, String otherwise) {
        return facts.promisedDate() == null ? otherwise : prefix + date(facts.promisedDate());
    }

    static Draft draft(NotificationRequest request, String recipient, String subject, String... lines) {
        return draft(
                request.orderId(), request.customer().name(), request.facts().customerUrl(), recipient, subject, lines);
    }

    /** Greeting, the lines that are not null, the order page link (left out when there is none), signature. */
    static Draft draft(
            String orderId,
            String customerName,
            String orderPageUrl,
            String recipient,
            String subject,
            String... lines) {
        List<String> body = new ArrayList<>();
        body.add(customerName == null || customerName.isBlank() ? "Hello," : "Hello " + customerName + ",");
        body.add("");
        Stream.of(lines).filter(Objects::nonNull).forEach(body::add);
        if (orderPageUrl != null) {
            body.add("");
            body.add("Your order " + orderId + ": " + orderPageUrl);
        }
        body.add("");
        body.add("Waitwell");
        return new Draft(recipient, subject, String.join("\n", body) + "\n");
    }
}
