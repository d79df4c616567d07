package dev.waitwell.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7TextTakes160SeptetsInOneSegmentAnd153EachWhenConcatenated() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void theExtensionTableCountsTwiceAndGermanUmlautsStayGsm7() {
        assertThat(SmsSegments.isGsm7("Grüße aus Köln, 499,00 €")).isTrue();
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void oneCharacterOutsideGsm7MakesTheWholeTextUcs2() {
        String french = "Votre commande a été expédiée, reçue bientôt";
        assertThat(SmsSegments.isGsm7(french)).isFalse();
        assertThat(SmsSegments.count("ç" + "a".repeat(69))).isEqualTo(1);
        assertThat(SmsSegments.count("ç" + "a".repeat(70))).isEqualTo(2);
        assertThat(SmsSegments.count("ç" + "a".repeat(133))).isEqualTo(2);
        assertThat(SmsSegments.count("ç" + "a".repeat(134))).isEqualTo(3);
    }
}
