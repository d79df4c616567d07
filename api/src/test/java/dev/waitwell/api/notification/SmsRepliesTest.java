package dev.waitwell.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.api.notification.PhoneOrders.PhoneOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsRepliesTest {

    private static final String LINK =
            "https://shop.example/c/orders/%s?token=1798761600.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void statusListsEveryOpenOrderThatFitsTwoSegmentsThenHowManyMoreWithALink() {
        List<PhoneOrder> open = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            open.add(new PhoneOrder(
                    "o-" + (1000 + i),
                    i == 0 ? "AWAITING_DECISION" : "AWAITING_STOCK",
                    LocalDate.of(2027, 1, 1 + i),
                    Instant.EPOCH));
        }

        String reply = SmsReplies.status(open, order -> LINK.formatted(order.orderId()));

        assertThat(reply)
                .hasSizeLessThanOrEqualTo(SmsReplies.MAX_LENGTH)
                .startsWith("Waitwell: o-1000 delayed, reply WAIT or CANCEL "
                        + open.get(0).code() + ", due 2027-01-01; " + "o-1001 awaiting stock, due 2027-01-02")
                .containsPattern("\\. [0-9]+ more: https://shop\\.example/c/orders/o-10[0-9]+\\?token=");
    }

    @Test
    void statusWithFewOrdersListsThemAll() {
        List<PhoneOrder> open = List.of(
                new PhoneOrder("o-1", "READY_TO_SHIP", LocalDate.of(2027, 1, 1), Instant.EPOCH),
                new PhoneOrder("o-2", "AWAITING_RELEASE", null, Instant.EPOCH));

        assertThat(SmsReplies.status(open, order -> LINK.formatted(order.orderId())))
                .isEqualTo("Waitwell: o-1 ready to ship, due 2027-01-01; o-2 awaiting release, date unknown.");
    }

    @Test
    void everyFixedReplyFitsTwoSegments() {
        for (String reply : List.of(
                SmsReplies.HELP,
                SmsReplies.STOPPED,
                SmsReplies.STARTED,
                SmsReplies.NO_OPEN_DECISION,
                SmsReplies.TRY_LATER,
                SmsReplies.NOT_UNDERSTOOD,
                SmsReplies.kept("o-" + "7".repeat(62)))) {
            assertThat(reply).hasSizeLessThanOrEqualTo(SmsReplies.MAX_LENGTH).doesNotContain("…", "’");
        }
    }
}
