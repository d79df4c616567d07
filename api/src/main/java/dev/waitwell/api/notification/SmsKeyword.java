package dev.waitwell.api.notification;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer's text says, read case- and space-insensitively: a keyword (with its common synonyms and an
 * optional argument, "WAIT 4821"), a survey score (a digit 1 to 5, anything after it the comment), or anything else.
 */
enum SmsKeyword {
    STATUS,
    WAIT,
    SWITCH,
    /** A delay's CANCEL while a decision is open; otherwise the carriers' opt-out word, read as STOP. */
    CANCEL,
    STOP,
    START,
    HELP,
    SCORE,
    OTHER;

    /** What a text was read as: {@code argument} follows a keyword ("4821"), or is a score's comment. */
    record Reading(SmsKeyword keyword, String argument, int score) {

        boolean hasArgument() {
            return argument != null && !argument.isEmpty();
        }
    }

    private static final Map<String, SmsKeyword> WORDS = Map.ofEntries(
            Map.entry("STATUS", STATUS),
            Map.entry("ORDER", STATUS),
            Map.entry("ORDERS", STATUS),
            Map.entry("TRACK", STATUS),
            Map.entry("WHERE", STATUS),
            Map.entry("WAIT", WAIT),
            Map.entry("KEEP", WAIT),
            Map.entry("HOLD", WAIT),
            Map.entry("SWITCH", SWITCH),
            Map.entry("SWAP", SWITCH),
            Map.entry("CHANGE", SWITCH),
            Map.entry("CANCEL", CANCEL),
            Map.entry("REFUND", CANCEL),
            // The opt-out and opt-in words Twilio and the US carriers honour.
            Map.entry("STOP", STOP),
            Map.entry("STOPALL", STOP),
            Map.entry("UNSUBSCRIBE", STOP),
            Map.entry("END", STOP),
            Map.entry("QUIT", STOP),
            Map.entry("OPTOUT", STOP),
            Map.entry("REVOKE", STOP),
            Map.entry("START", START),
            Map.entry("UNSTOP", START),
            Map.entry("YES", START),
            Map.entry("HELP", HELP),
            Map.entry("INFO", HELP));

    private static final Pattern SCORE_TEXT = Pattern.compile("^([1-5])(?![0-9])[\\s.,!:;)\\-]*(.*)$", Pattern.DOTALL);
    private static final Pattern WORD_AND_ARGUMENT = Pattern.compile("^([A-Za-z]+)[\\s#:,.!-]*(.*?)[\\s.!?]*$");
    private static final int MAX_COMMENT = 1000;

    static Reading read(String body) {
        String text = body == null ? "" : body.strip();
        // "Stop", " s t o p ", "stop all", "STOP!": the whole text without spaces and closing punctuation.
        String squeezed = text.replaceAll("\\s+", "").replaceAll("[.!?]+$", "").toUpperCase(Locale.ROOT);
        SmsKeyword whole = WORDS.get(squeezed);
        if (whole != null) {
            return new Reading(whole, null, 0);
        }
        Matcher score = SCORE_TEXT.matcher(text);
        if (score.matches()) {
            String comment = score.group(2).strip();
            return new Reading(
                    SCORE,
                    comment.isEmpty() ? null : comment.substring(0, Math.min(comment.length(), MAX_COMMENT)),
                    Integer.parseInt(score.group(1)));
        }
        Matcher word = WORD_AND_ARGUMENT.matcher(text);
        if (word.matches()) {
            SmsKeyword keyword = WORDS.get(word.group(1).toUpperCase(Locale.ROOT));
            if (keyword != null && keyword != STOP && keyword != START && keyword != HELP) {
                return new Reading(keyword, word.group(2).strip(), 0);
            }
        }
        return new Reading(OTHER, null, 0);
    }
}
