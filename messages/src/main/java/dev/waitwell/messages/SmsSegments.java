package dev.waitwell.messages;

/**
 * How many SMS segments a text takes (3GPP TS 23.038): texts in the GSM-7 alphabet take 160 septets in one segment
 * and 153 a segment once concatenated, the characters of its extension table ({@code € [ ] { } ^ ~ | \}) two septets
 * each; a single character outside it makes the whole text UCS-2: 70 UTF-16 units in one segment, 67 once
 * concatenated.
 */
public final class SmsSegments {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {}

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENSION.indexOf(c) >= 0);
    }

    public static int count(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        if (isGsm7(text)) {
            int septets = text.chars()
                    .map(c -> GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1)
                    .sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
