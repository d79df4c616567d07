package dev.waitwell.api.notification;

import dev.waitwell.api.notification.PhoneOrders.PhoneOrder;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.workflows.shared.DelayChoice;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the shop's number answers a text with: short, in the GSM-7 alphabet (no curly quotes or ellipsis, which
 * would make every segment UCS-2 and 67 characters long), within two concatenated segments of 153 characters.
 */
final class SmsReplies {

    static final int MAX_LENGTH = 306;

    static final String HELP = "Waitwell: texts about your orders from our shop. Reply STATUS for your open orders; "
            + "WAIT, SWITCH or CANCEL to answer a delay; STOP to get no more texts (email continues); START to "
            + "get them again. Msg & data rates may apply.";
    static final String STOPPED = "Waitwell: you will get no more texts from us for any order. Your order emails "
            + "continue. Reply START to get texts again.";
    static final String STARTED =
            "Waitwell: texts about your orders are back on. Reply HELP for help, STOP to end " + "them.";
    static final String NO_ORDERS = "Waitwell: we found no order for this number. Reply HELP for help.";
    static final String NO_OPEN_ORDERS = "Waitwell: you have no open orders with us. Reply HELP for help.";
    static final String NO_OPEN_DECISION =
            "Waitwell: none of your orders is waiting for your choice now. Reply " + "STATUS for your orders.";
    static final String TRY_LATER = "Waitwell: we could not do that just now and nothing was changed. Please try again "
            + "in a few minutes, or use the link in our message.";
    static final String NOT_UNDERSTOOD = "Waitwell: sorry, we did not understand. Reply STATUS for your orders, HELP "
            + "for help, STOP to end texts.";
    static final String THANKS_FOR_RATING = "Waitwell: thank you for your rating";

    private SmsReplies() {}

    static String kept(String orderId) {
        return "Waitwell: sorry, we did not understand. We kept your message with order " + orderId
                + " for our support team. Reply STATUS for your orders, HELP for help, STOP to end texts.";
    }

    static String rated(String orderId) {
        return THANKS_FOR_RATING + " of order " + orderId + "!";
    }

    static String noDecisionOn(PhoneOrder order) {
        return "Waitwell: order " + order.orderId() + " has no choice open now (already decided or past its deadline)."
                + " Nothing was changed.";
    }

    /** Nothing decided: the reply must name the order, by the code its delay notice showed. */
    static String whichOrder(SmsKeyword keyword, List<PhoneOrder> open) {
        String word = keyword.name();
        boolean codesClash = open.stream().map(PhoneOrder::code).distinct().count() < open.size();
        String choices = open.stream()
                .map(order ->
                        word + " " + (codesClash ? order.orderId() : order.code()) + " for order " + order.orderId())
                .collect(Collectors.joining(", "));
        return fitted("Waitwell: " + open.size() + " orders wait for your choice; nothing was changed. Reply " + choices
                + ".");
    }

    static String decidePrompt(List<PhoneOrder> open) {
        PhoneOrder order = open.get(0);
        return "Waitwell: order " + order.orderId() + " waits for your choice. Reply WAIT or CANCEL"
                + (open.size() > 1 ? " with its code, e.g. WAIT " + order.code() : "") + ".";
    }

    static String chooseOnPage(PhoneOrder order, String url) {
        return "Waitwell: order " + order.orderId() + " can switch to several products. Choose one on your page, or "
                + "reply SWITCH with its code: " + url;
    }

    static String alternativeGone(PhoneOrder order, String url) {
        return "Waitwell: that product is not available for order " + order.orderId() + " now. Nothing was changed. "
                + "See your choices: " + url;
    }

    static String tooMany(PhoneOrder order) {
        return "Waitwell: too many requests for order " + order.orderId() + ". Nothing was changed; please try again "
                + "in a minute.";
    }

    static String decided(DelayChoice choice, OrderView order) {
        return switch (choice) {
            case WAIT ->
                "Waitwell: thank you. Order " + order.orderId() + " keeps waiting"
                        + (order.promisedDate() == null ? "." : ", expected " + order.promisedDate() + ".")
                        + (order.rewardCode() == null ? "" : " Your reward code: " + order.rewardCode() + ".");
            case SWITCH ->
                "Waitwell: order " + order.orderId() + " is now for " + order.sku()
                        + "; any price difference was charged or refunded.";
            case CANCEL -> "Waitwell: order " + order.orderId() + " is cancelled; everything you paid is refunded.";
        };
    }

    /**
     * The open orders, newest first, each with its status and promised date, as many as two segments hold; when
     * some do not fit, how many more and the link of the first of them.
     */
    static String status(List<PhoneOrder> open, Function<PhoneOrder, String> linkOf) {
        StringBuilder text = new StringBuilder("Waitwell: ");
        for (int shown = 0; shown < open.size(); shown++) {
            String entry = (shown == 0 ? "" : "; ") + line(open.get(shown));
            int left = open.size() - shown - 1;
            String more = left == 0 ? "." : moreOrders(left, linkOf.apply(open.get(shown + 1)));
            if (text.length() + entry.length() + more.length() > MAX_LENGTH) {
                return shown == 0
                        ? text + "you have " + open.size() + " open orders: " + linkOf.apply(open.get(0))
                        : text + moreOrders(open.size() - shown, linkOf.apply(open.get(shown)));
            }
            text.append(entry);
        }
        return text.append('.').toString();
    }

    private static String moreOrders(int count, String url) {
        return ". " + count + " more: " + url;
    }

    private static String line(PhoneOrder order) {
        String status = switch (order.status()) {
            case "AWAITING_DECISION" -> "delayed, reply WAIT or CANCEL " + order.code();
            case "AWAITING_PAYMENT" -> "payment needed";
            case "READY_TO_SHIP" -> "ready to ship";
            default -> order.status().replace('_', ' ').toLowerCase(Locale.ROOT);
        };
        return order.orderId() + " " + status + ", "
                + (order.promisedDate() == null ? "date unknown" : "due " + order.promisedDate());
    }

    private static String fitted(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
