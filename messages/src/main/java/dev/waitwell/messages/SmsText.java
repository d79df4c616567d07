package dev.waitwell.messages;

import java.util.regex.Pattern;

/**
 * How a text becomes an SMS: in the GSM-7 alphabet where a look-alike will do, on one line, and with its link in
 * {@value #MAX_SEGMENTS} segments ({@link SmsSegments}), shortened after a whole word when it must be; the link is
 * never cut. The milestones' texts ({@link Messages#sms}) and the answers to customers' texts share it.
 */
public final class SmsText {

    /** Two segments: what a customer's phone shows as one message without splitting it into many. */
    public static final int MAX_SEGMENTS = 2;

    static final String ELLIPSIS = "...";

    /** No text longer than this fits in the segments, in any alphabet: a cut starts here. */
    private static final int MAX_LENGTH = MAX_SEGMENTS * 153;

    /** What a cut leaves at the end before its ellipsis: spaces and the punctuation that would dangle. */
    private static final Pattern DANGLING = Pattern.compile("[\\s,;:(]+$");

    private SmsText() {}

    /**
     * One line, single spaces, and the characters that would make an SMS UCS-2 for nothing (no-break spaces from
     * number formats, typographic quotes, dashes and ellipses) replaced by their GSM-7 look-alikes.
     */
    public static String plain(String text) {
        return text.replace('\u00A0', ' ')
                .replace('\u202F', ' ')
                .replace('\u2018', '\'')
                .replace('\u2019', '\'')
                .replace('\u201A', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"')
                .replace('\u201E', '"')
                .replace('\u00AB', '"')
                .replace('\u00BB', '"')
                .replace('\u2013', '-')
                .replace('\u2014', '-')
                .replace("\u2026", ELLIPSIS)
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** Whether the text and its link ({@code null}: none) fit in {@value #MAX_SEGMENTS} segments. */
    public static boolean fits(String text, String link) {
        return SmsSegments.count(withLink(text, link)) <= MAX_SEGMENTS;
    }

    public static String withLink(String text, String link) {
        return link == null ? text : text + " " + link;
    }

    /**
     * The text and its link in {@value #MAX_SEGMENTS} segments: whole when it fits; else the longest start that
     * fits with an ellipsis, ending after a whole word where one does (else within a word), never shorter than its
     * first {@code keep} characters (the shop's name); else those first characters and the link. A link too long for
     * the segments on its own goes out whole over more: the link is what the customer needs.
     */
    public static String fitted(String text, String link, int keep) {
        if (fits(text, link)) {
            return withLink(text, link);
        }
        for (boolean wholeWords : new boolean[] {true, false}) {
            for (int end = Math.min(text.length() - 1, MAX_LENGTH); end > keep; end--) {
                if (wholeWords && text.charAt(end) != ' ') {
                    continue;
                }
                String shorter = DANGLING.matcher(prefix(text, end)).replaceFirst("") + ELLIPSIS;
                if (fits(shorter, link)) {
                    return withLink(shorter, link);
                }
            }
        }
        String kept = prefix(text, Math.min(keep, text.length())).strip();
        if (link != null && fits(kept, link)) {
            return withLink(kept, link);
        }
        return withLink(text, link);
    }

    /** The first {@code length} characters, one fewer where that would split a character (an emoji's pair). */
    static String prefix(String text, int length) {
        int end = length > 0 && Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
