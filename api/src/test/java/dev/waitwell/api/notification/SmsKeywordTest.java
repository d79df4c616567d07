package dev.waitwell.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsKeywordTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "STOP|STOP|null|0",
                " s t o p |STOP|null|0",
                "Stop all|STOP|null|0",
                "unsubscribe.|STOP|null|0",
                "quit|STOP|null|0",
                "Cancel|CANCEL|null|0",
                "cancel 4821|CANCEL|4821|0",
                "wait|WAIT|null|0",
                "Wait #4821!|WAIT|4821|0",
                "wait o-1001|WAIT|o-1001|0",
                "swap 4821 LENS-2|SWITCH|4821 LENS-2|0",
                "Yes|START|null|0",
                "unstop|START|null|0",
                "info|HELP|null|0",
                "where|STATUS|null|0",
                "4|SCORE|null|4",
                "5! Quick and friendly|SCORE|Quick and friendly|5",
                "4821|OTHER|null|0",
                "6|OTHER|null|0",
                "STOP please|OTHER|null|0",
                "Is my kettle blue?|OTHER|null|0",
                "''|OTHER|null|0"
            })
    void readsKeywordsCaseAndSpaceInsensitivelyWithTheirSynonyms(
            String body, SmsKeyword keyword, String argument, int score) {
        SmsKeyword.Reading reading = SmsKeyword.read(body);

        assertThat(reading.keyword()).isEqualTo(keyword);
        assertThat(reading.hasArgument() ? reading.argument() : null).isEqualTo(argument);
        assertThat(reading.score()).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"'Msg & data <rates>', Msg &amp; data &lt;rates&gt;", "'it''s \"ok\"', it&apos;s &quot;ok&quot;"})
    void repliesAreEscapedForXml(String reply, String escaped) {
        assertThat(TwilioInboundController.xmlEscaped(reply)).isEqualTo(escaped);
    }
}
