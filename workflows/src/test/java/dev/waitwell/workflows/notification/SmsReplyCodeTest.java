package dev.waitwell.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmsReplyCodeTest {

    @Test
    void isFourDigitsFromTheOrderIdAloneAndTheSameEveryTime() {
        assertThat(SmsReplyCode.of("o-1001")).matches("[1-9][0-9]{3}").isEqualTo(SmsReplyCode.of("o-1001"));
        assertThat(SmsReplyCode.of("o-" + "7".repeat(62))).matches("[1-9][0-9]{3}");
    }

    @Test
    void spreadsNeighbouringOrderIdsOverManyCodes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            codes.add(SmsReplyCode.of("o-" + (1000 + i)));
        }

        assertThat(codes).hasSizeGreaterThan(95);
    }
}
