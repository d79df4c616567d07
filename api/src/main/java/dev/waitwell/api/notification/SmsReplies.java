package dev.waitwell.api.notification;

import dev.waitwell.api.notification.PhoneOrders.PhoneOrder;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.messages.Formats;
import dev.waitwell.messages.Messages;
import dev.waitwell.messages.SmsText;
import dev.waitwell.workflows.shared.DelayChoice;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What the shop's number answers a text with, in the shop's name and the sender's language: the words of
 * {@code replies.properties} (and its languages), the shop's name first, a link whole and last, fitted to two
 * segments as every SMS is ({@link SmsText}).
 */
@Component
class SmsReplies {

    private final Messages messages;
    private final ZoneId zone;

    @Autowired
    SmsReplies(Messages messages, WaitwellProperties waitwell) {
        this(messages, waitwell.zone());
    }

    SmsReplies(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** The language of a number's most recent order (its orders come newest first); the shop's without one. */
    Locale languageOf(List<PhoneOrder> orders) {
        return messages.locales()
                .forCustomer(orders.isEmpty() ? null : orders.get(0).customerLocale());
    }

    Locale shopLanguage() {
        return messages.locales().shopLocale();
    }

    String help(Locale locale) {
        return sms(locale, "reply.help");
    }

    String stopped(Locale locale) {
        return sms(locale, "reply.stopped");
    }

    String started(Locale locale) {
        return sms(locale, "reply.started");
    }

    String noOrders(Locale locale) {
        return sms(locale, "reply.noOrders");
    }

    String noOpenOrders(Locale locale) {
        return sms(locale, "reply.noOpenOrders");
    }

    String noOpenDecision(Locale locale) {
        return sms(locale, "reply.noOpenDecision");
    }

    String tryLater(Locale locale) {
        return sms(locale, "reply.tryLater");
    }

    String notUnderstood(Locale locale) {
        return sms(locale, "reply.notUnderstood");
    }

    String kept(Locale locale, String orderId) {
        return sms(locale, "reply.kept", orderId);
    }

    String rated(Locale locale, String orderId) {
        return sms(locale, "reply.rated", orderId);
    }

    String noDecisionOn(Locale locale, PhoneOrder order) {
        return sms(locale, "reply.noDecisionOn", order.orderId());
    }

    String tooMany(Locale locale, PhoneOrder order) {
        return sms(locale, "reply.tooMany", order.orderId());
    }

    String chooseOnPage(Locale locale, PhoneOrder order) {
        return fitted(locale, messages.word(locale, "reply.chooseOnPage", order.orderId()), order.link());
    }

    String alternativeGone(Locale locale, PhoneOrder order) {
        return fitted(locale, messages.word(locale, "reply.alternativeGone", order.orderId()), order.link());
    }

    /** Nothing decided: the reply must name the order, by the code its delay notice showed. */
    String whichOrder(Locale locale, SmsKeyword keyword, List<PhoneOrder> open) {
        boolean codesClash = open.stream().map(PhoneOrder::code).distinct().count() < open.size();
        String choices = open.stream()
                .map(order -> messages.word(
                        locale,
                        "reply.whichOrder.choice",
                        keyword.name(),
                        codesClash ? order.orderId() : order.code(),
                        order.orderId()))
                .collect(Collectors.joining(", "));
        return sms(locale, "reply.whichOrder", open.size(), choices);
    }

    String decidePrompt(Locale locale, List<PhoneOrder> open) {
        PhoneOrder order = open.get(0);
        return open.size() > 1
                ? sms(locale, "reply.decidePrompt.code", order.orderId(), order.code())
                : sms(locale, "reply.decidePrompt", order.orderId());
    }

    String decided(Locale locale, DelayChoice choice, OrderView order) {
        if (choice != DelayChoice.WAIT) {
            return sms(locale, "reply.decided." + choice.name(), order.orderId(), order.sku());
        }
        String words = order.promisedDate() == null
                ? messages.word(locale, "reply.decided.WAIT", order.orderId())
                : messages.word(
                        locale,
                        "reply.decided.WAIT.date",
                        order.orderId(),
                        shortDates(locale).date(order.promisedDate()));
        return fitted(
                locale,
                order.rewardCode() == null
                        ? words
                        : words + " " + messages.word(locale, "reply.decided.reward", order.rewardCode()),
                null);
    }

    /**
     * The open orders, newest first, each with its status and promised date, as many as two segments hold; when
     * some do not fit, how many more and the link of the first of them.
     */
    String status(Locale locale, List<PhoneOrder> open) {
        Formats dates = shortDates(locale);
        String from = from(locale) + " ";
        StringBuilder lines = new StringBuilder();
        for (int shown = 0; shown < open.size(); shown++) {
            String entry = (shown == 0 ? "" : "; ") + line(locale, dates, open.get(shown));
            int left = open.size() - shown - 1;
            boolean fits = left == 0
                    ? SmsText.fits(from + lines + entry + ".", null)
                    : SmsText.fits(
                            from + lines + entry + ". " + more(locale, left),
                            open.get(shown + 1).link());
            if (!fits) {
                return shown == 0
                        ? fitted(
                                locale,
                                messages.word(locale, "reply.status.all", open.size()),
                                open.get(0).link())
                        : SmsText.withLink(
                                from + lines + ". " + more(locale, open.size() - shown),
                                open.get(shown).link());
            }
            lines.append(entry);
        }
        return from + lines + ".";
    }

    private String more(Locale locale, int count) {
        return messages.word(locale, "reply.status.more", count);
    }

    private String line(Locale locale, Formats dates, PhoneOrder order) {
        String status = messages.word(locale, "reply.status." + order.status(), order.code());
        return order.promisedDate() == null
                ? messages.word(locale, "reply.status.line.undated", order.orderId(), status)
                : messages.word(locale, "reply.status.line", order.orderId(), status, dates.date(order.promisedDate()));
    }

    private Formats shortDates(Locale locale) {
        return new Formats(locale, zone, FormatStyle.SHORT);
    }

    private String from(Locale locale) {
        return SmsText.plain(messages.word(locale, "reply.from", messages.shop().name()));
    }

    private String sms(Locale locale, String key, Object... parameters) {
        return fitted(locale, messages.word(locale, key, parameters), null);
    }

    /** The shop's name, the words and the link in two segments ({@link SmsText#fitted}): the name is never cut. */
    private String fitted(Locale locale, String words, String link) {
        String from = from(locale);
        return SmsText.fitted(SmsText.plain(from + " " + words), link, from.length());
    }
}
