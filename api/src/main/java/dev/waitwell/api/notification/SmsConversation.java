package dev.waitwell.api.notification;

import dev.waitwell.api.notification.InboundTexts.Answer;
import dev.waitwell.api.notification.PhoneOrders.PhoneOrder;
import dev.waitwell.api.survey.SurveyAnswers;
import dev.waitwell.workflows.shared.DelayChoice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a customer's text and does what it asks: STATUS lists their open orders; WAIT, SWITCH and CANCEL decide an
 * open delay ({@link SmsDecisions}); STOP (and its synonyms, and CANCEL when no decision is open) ends SMS to the
 * number for every order, START brings them back, HELP says who we are; a digit 1 to 5 answers the survey that awaits
 * one when no decision is open; anything else gets a short help and is kept on the order's timeline for support.
 * A number that opted out is answered only to START and HELP. Answers are in the language of the number's most recent
 * order ({@link SmsReplies}).
 */
@Component
class SmsConversation {

    private final PhoneOrders phoneOrders;
    private final SmsDecisions decisions;
    private final SmsOptOuts optOuts;
    private final SurveyAnswers surveys;
    private final SmsReplies replies;

    SmsConversation(
            PhoneOrders phoneOrders,
            SmsDecisions decisions,
            SmsOptOuts optOuts,
            SurveyAnswers surveys,
            SmsReplies replies) {
        this.phoneOrders = phoneOrders;
        this.decisions = decisions;
        this.optOuts = optOuts;
        this.surveys = surveys;
        this.replies = replies;
    }

    /** @param messageSid the text's Twilio id: the cause of an opt-out, the source of a survey answer */
    Answer answer(String messageSid, String phone, String body) {
        SmsKeyword.Reading reading = SmsKeyword.read(body);
        List<PhoneOrder> orders = phoneOrders.of(phone);
        Locale language = replies.languageOf(orders);
        boolean anyDecisionOpen = orders.stream().anyMatch(PhoneOrder::awaitingDecision);
        SmsKeyword keyword = reading.keyword() == SmsKeyword.CANCEL && !anyDecisionOpen && !reading.hasArgument()
                ? SmsKeyword.STOP
                : reading.keyword();
        String word = body.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        boolean optedOutBefore = optOuts.optedOut(phone);
        Answer answer = switch (keyword) {
            case STOP -> {
                boolean changed = optOuts.byKeyword(phone, true, cut(word, 32), messageSid);
                yield new Answer(
                        keyword,
                        null,
                        changed ? "opted out" : "already opted out",
                        changed ? replies.stopped(language) : null);
            }
            case START -> {
                boolean changed = optOuts.byKeyword(phone, false, cut(word, 32), messageSid);
                yield new Answer(keyword, null, changed ? "opted in" : "not opted out", replies.started(language));
            }
            case HELP -> new Answer(keyword, null, "helped", replies.help(language));
            case STATUS -> status(orders, language);
            case WAIT, SWITCH, CANCEL -> decisions.decide(keyword, reading.argument(), orders, phone, language);
            case SCORE -> score(messageSid, phone, reading, orders, language);
            case OTHER -> other(messageSid, phone, body, orders, language);
        };
        boolean silenced = optedOutBefore && keyword != SmsKeyword.START && keyword != SmsKeyword.HELP;
        return silenced ? new Answer(answer.keyword(), answer.orderId(), answer.outcome(), null) : answer;
    }

    /**
     * The answer when a text could not be handled: nothing was changed, try again. In the sender's language when their
     * orders can still be read, else in the shop's.
     */
    Answer failed(String phone, RuntimeException cause) {
        Locale language;
        try {
            language = replies.languageOf(phoneOrders.of(phone));
        } catch (RuntimeException unreadable) {
            language = replies.shopLanguage();
        }
        return new Answer(
                SmsKeyword.OTHER, null, "failed: " + cause.getClass().getSimpleName(), replies.tryLater(language));
    }

    private Answer status(List<PhoneOrder> orders, Locale language) {
        List<PhoneOrder> open = orders.stream().filter(PhoneOrder::open).toList();
        if (open.isEmpty()) {
            return new Answer(
                    SmsKeyword.STATUS,
                    null,
                    "no open orders",
                    orders.isEmpty() ? replies.noOrders(language) : replies.noOpenOrders(language));
        }
        return new Answer(
                SmsKeyword.STATUS, null, "listed " + open.size() + " open orders", replies.status(language, open));
    }

    /**
     * A digit is the choice the delay notice offers for it ("reply 1/WAIT") while a decision is open, else a survey's
     * score. When both a decision and a survey wait on the number, a "3" could be either: the customer is asked to
     * reply with the word, and nothing is decided or scored.
     */
    private Answer score(
            String messageSid, String phone, SmsKeyword.Reading reading, List<PhoneOrder> orders, Locale language) {
        List<PhoneOrder> open =
                orders.stream().filter(PhoneOrder::awaitingDecision).toList();
        Optional<String> surveyed = surveys.awaitingFrom(phone);
        Optional<DelayChoice> choice = DelayChoice.ofReplyDigit(reading.score());
        if (!open.isEmpty() && surveyed.isEmpty() && choice.isPresent()) {
            return decisions.decide(
                    SmsKeyword.valueOf(choice.get().name()), reading.argument(), orders, phone, language);
        }
        if (!open.isEmpty()) {
            return new Answer(
                    SmsKeyword.SCORE,
                    open.get(0).orderId(),
                    "asked for a choice",
                    replies.decidePrompt(language, open));
        }
        if (surveyed.isEmpty()) {
            return other(
                    messageSid,
                    phone,
                    reading.score() + (reading.hasArgument() ? " " + reading.argument() : ""),
                    orders,
                    language);
        }
        SurveyAnswers.Outcome outcome = surveys.record(
                        surveyed.get(), reading.score(), reading.argument(), SurveyAnswers.Via.SMS, messageSid)
                .outcome();
        return new Answer(
                SmsKeyword.SCORE,
                surveyed.get(),
                "survey " + outcome.name().toLowerCase(Locale.ROOT) + ", score " + reading.score(),
                replies.rated(language, surveyed.get()));
    }

    /** Kept on the timeline of the order it most likely concerns: the newest open one, else the newest. */
    private Answer other(String messageSid, String phone, String body, List<PhoneOrder> orders, Locale language) {
        Optional<PhoneOrder> concerned = orders.stream()
                .filter(PhoneOrder::open)
                .findFirst()
                .or(() -> orders.stream().findFirst());
        if (concerned.isEmpty()) {
            return new Answer(SmsKeyword.OTHER, null, "no order for the number", replies.notUnderstood(language));
        }
        String orderId = concerned.get().orderId();
        phoneOrders.keepOnTimeline(orderId, messageSid, phone, body);
        return new Answer(SmsKeyword.OTHER, orderId, "kept on the timeline", replies.kept(language, orderId));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
