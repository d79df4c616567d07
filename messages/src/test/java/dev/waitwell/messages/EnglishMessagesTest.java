package dev.waitwell.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.SmsReplyCode;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What each milestone says in English, the shop's language by default: the words the other languages translate. */
class EnglishMessagesTest {

    private static final Messages MESSAGES = Facts.messages();
    private static final Locale EN = Locale.ENGLISH;

    @ParameterizedTest
    @CsvSource({
        "2000, USD, en, $20.00",
        "5, USD, en, $0.05",
        "0, EUR, en, €0.00",
        "1999, JPY, en, '¥1,999'",
        "123456789, BHD, en, 'BHD123,456.789'",
        "49900, EUR, de, '499,00 €'",
        "49900, EUR, de-CH, EUR 499.00",
        "123456, EUR, fr, '1 234,56 €'"
    })
    void amountsAreExactInTheCurrencysMinorUnitsAndWrittenAsTheLanguageWritesThem(
            long minor, String currency, String tag, String expected) {
        String written = MESSAGES.formats(Locale.forLanguageTag(tag)).money(Money.of(minor, currency));

        assertThat(written.replace('\u00A0', ' ').replace('\u202F', ' ')).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Milestone.class)
    void everyEmailGreetsNamesOrderProductAndLinkAndTheShopAndItsSubjectNamesTheMilestone(Milestone milestone) {
        RenderedEmail email = email(milestone, Facts.of(milestone));

        assertThat(email.subject()).contains("o-42").containsIgnoringCase(subjectWord(milestone));
        assertThat(email.text())
                .contains("Hello Ada,", "o-42", "Camera X", Facts.URL)
                .contains(relevantFact(milestone).replace("12/24/26", "December 24, 2026"))
                .contains("Camera Corner", "help@cameracorner.example", "+1 415 555 0100");
        assertThat(email.html())
                .contains("<html lang=\"en\">", "Camera X", "href=\"" + Facts.URL.replace("&", "&amp;") + "\"")
                .contains("mailto:help@cameracorner.example", "Camera Corner")
                .doesNotContain("<script", "th:text");
        assertThat(email.html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(100_000);
    }

    @ParameterizedTest
    @EnumSource(Milestone.class)
    void everySmsStartsWithTheShopFitsTwoGsm7SegmentsAndEndsWithTheLink(Milestone milestone) {
        String sms = sms(milestone, Facts.of(milestone));

        assertThat(sms).startsWith("Camera Corner").endsWith(" " + Facts.URL);
        if (milestone != Milestone.DELAY_NOTICE) {
            // A delay notice with a link this long keeps the date, the deadline and the replies before the product.
            assertThat(sms).contains("Camera X");
        }
        assertThat(SmsSegments.isGsm7(sms)).as(sms).isTrue();
        assertThat(SmsSegments.count(sms)).as(sms).isLessThanOrEqualTo(2);
        if (milestone != Milestone.SHIPPED) {
            assertThat(sms).contains(relevantFact(milestone));
        }
    }

    @Test
    void aDelayNoticeWithTheLongestIdsNamesAndReasonsStillFitsTwoSegmentsWithItsChoicesAndWholeLink() {
        String orderId = "o-" + "7".repeat(62);
        String url = "https://shop.example.com/c/orders/" + orderId + "?token=1798761600." + "x".repeat(43);
        MessageFacts longest = Facts.named(
                Facts.with(
                        Facts.of(Milestone.DELAY_NOTICE),
                        Facts.of(Milestone.DELAY_NOTICE).promisedDate(),
                        null,
                        List.of(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL),
                        false),
                "Professional Mirrorless Camera Body with 24-105mm Lens Kit",
                url,
                "our supplier's container was held at customs for inspection and the next sailing is full, so "
                        + "the goods arrive with the sailing after that one");

        String sms = MESSAGES.sms(Milestone.DELAY_NOTICE, orderId, "Ada", EN, longest);

        assertThat(SmsSegments.count(sms)).as(sms).isLessThanOrEqualTo(2);
        assertThat(sms)
                .startsWith("Camera Corner: ")
                .endsWith(" " + url)
                .contains(
                        "Delayed to 12/24/26",
                        "No answer by 12/1/26, 6:00 PM EST = cancel, full refund.",
                        "Reply 1/WAIT (10% off), 2/SWITCH or 3/CANCEL, or open " + url);
    }

    @Test
    void aTextTooLongForItsLinkIsCutShortAndTheLinkStaysWhole() {
        String url = "https://shop.example/c/orders/o-1?token=" + "t".repeat(200);
        MessageFacts facts =
                new MessageFacts("Camera X", "CAM-X", 1, null, null, null, null, url, "DHL", "Y".repeat(300), null);

        String sms = MESSAGES.sms(Milestone.SHIPPED, "o-1", "Ada", EN, facts);

        assertThat(SmsSegments.count(sms)).isEqualTo(2);
        assertThat(sms).isEqualTo("Camera Corner: Camera X shipped with DHL, tracking... " + url);
    }

    @Test
    void aTextOfOneLongWordIsCutWithinIt() {
        String url = "https://shop.example/c/orders/o-1?token=" + "t".repeat(230);
        MessageFacts facts =
                new MessageFacts("Z".repeat(39), "CAM-X", 1, null, null, null, null, url, "DHL", "1Z", null);

        String sms = MESSAGES.sms(Milestone.SHIPPED, "o-1", "Ada", EN, facts);

        assertThat(SmsSegments.count(sms)).isEqualTo(2);
        assertThat(sms).startsWith("Camera Corner: ZZZ").endsWith("Z... " + url);
    }

    @Test
    void aLinkTooLongForTwoSegmentsIsSentWholeOverMore() {
        String url = "https://shop.example/c/orders/o-1?token=" + "t".repeat(400);
        MessageFacts facts = Facts.named(Facts.of(Milestone.SHIPPED), "Camera X", url, null);

        assertThat(MESSAGES.sms(Milestone.SHIPPED, "o-1", "Ada", EN, facts))
                .startsWith("Camera Corner: Camera X shipped")
                .endsWith(" " + url);
    }

    @ParameterizedTest
    @EnumSource(
            value = Milestone.class,
            names = {
                "CONFIRMED",
                "RELEASE_REMINDER",
                "DELAY_NOTICE",
                "DELAY_ACCEPTED",
                "PROMISE_IMPROVED",
                "WAIT_REMINDER"
            })
    void thePromisedDateIsWrittenOut(Milestone milestone) {
        assertThat(email(milestone, Facts.of(milestone)).text()).contains("December 24, 2026");
        assertThat(sms(milestone, Facts.of(milestone))).contains("12/24/26");
    }

    @Test
    void aShipmentStatesCarrierAndTracking() {
        assertThat(email(Milestone.SHIPPED, Facts.of(Milestone.SHIPPED)).text()).contains("DHL", "JD0001");
        assertThat(sms(Milestone.SHIPPED, Facts.of(Milestone.SHIPPED))).contains("DHL", "JD0001");
    }

    @Test
    void aCancellationStatesRefundAndReason() {
        RenderedEmail email = email(Milestone.CANCELLED, Facts.of(Milestone.CANCELLED));

        assertThat(email.subject()).isEqualTo("Order o-42 cancelled: $20.00 refunded");
        assertThat(email.text()).contains("We refunded $20.00", "customer changed their mind");
        assertThat(sms(Milestone.CANCELLED, Facts.of(Milestone.CANCELLED)))
                .contains("Refunded $20.00", "customer changed their mind");
    }

    @Test
    void aPaymentToConfirmSaysTheBankAsksAndLeadsToTheOrderPageNeverToTheBank() {
        RenderedEmail email = email(Milestone.PAYMENT_ACTION_REQUIRED, Facts.of(Milestone.PAYMENT_ACTION_REQUIRED));
        String sms = sms(Milestone.PAYMENT_ACTION_REQUIRED, Facts.of(Milestone.PAYMENT_ACTION_REQUIRED));

        assertThat(email.subject()).isEqualTo("Order o-42 payment: please confirm it with your bank");
        assertThat(email.text())
                .contains(
                        "Your bank asks you to confirm the payment of $80.00 for Camera X.",
                        "choose \"Confirm with your bank\"",
                        "Your order o-42: " + Facts.URL);
        assertThat(sms)
                .isEqualTo(
                        "Camera Corner, order o-42: Your bank asks you to confirm the payment of $80.00 for Camera X."
                                + " Please confirm it on your order page: " + Facts.URL);
        assertThat(email.text() + sms).doesNotContainIgnoringCase("stripe").doesNotContain("authenticate");
    }

    @Test
    void aResentLinkSaysHereIsTheLinkToYourOrderAndEndsWithIt() {
        RenderedEmail email = email(Milestone.LINK_RESENT, Facts.of(Milestone.LINK_RESENT));

        assertThat(email.subject()).isEqualTo("Order o-42: the link to your order");
        assertThat(email.text())
                .contains(
                        "Here is the link to your order o-42 (1 x Camera X), as you asked.",
                        "Your order o-42: " + Facts.URL);
        assertThat(sms(Milestone.LINK_RESENT, Facts.of(Milestone.LINK_RESENT)))
                .isEqualTo("Camera Corner, order o-42: Here is the link to your order of Camera X: " + Facts.URL);
    }

    @Test
    void theSurveyAsksHowTheWaitWasForAReplyOneToFiveAndLinksThePage() {
        RenderedEmail email = email(Milestone.SURVEY, Facts.of(Milestone.SURVEY));

        assertThat(email.subject()).isEqualTo("Order o-42: how was your wait?");
        assertThat(email.text())
                .contains("How was your wait?", "from 1 (poor) to 5 (great)", "Your order o-42: " + Facts.URL);
        assertThat(sms(Milestone.SURVEY, Facts.of(Milestone.SURVEY)))
                .isEqualTo(
                        "Camera Corner, order o-42: How was your wait for Camera X? Reply 1-5 (5 = great), or answer "
                                + "here: " + Facts.URL);
    }

    @Test
    void chargedNeverSaysReleasedForItServesBackordersToo() {
        RenderedEmail email = email(Milestone.CHARGED, Facts.of(Milestone.CHARGED));
        String sms = sms(Milestone.CHARGED, Facts.of(Milestone.CHARGED));

        assertThat(email.subject() + email.text() + sms).doesNotContainIgnoringCase("released");
        assertThat(email.text())
                .contains(
                        "We charged $80.00 for your order o-42 (Camera X); it ships once the warehouse has packed it.");
        assertThat(sms).contains("Charged $80.00 for Camera X");
    }

    @Test
    void aDelayNoticeStatesNewDateReasonChoicesDeadlineSilenceRewardAndLink() {
        RenderedEmail email = email(Milestone.DELAY_NOTICE, Facts.of(Milestone.DELAY_NOTICE));

        assertThat(email.subject())
                .isEqualTo("Order o-42 delayed: Camera X now expected December 24, 2026; please choose");
        assertThat(email.text())
                .contains(
                        "New date: December 24, 2026.",
                        "because the supplier's shipment moved",
                        "Your choices: wait, switch or cancel.",
                        "- Wait: keep your order for the new date",
                        "- Switch: take an alternative that is in stock now; we charge or refund the price difference.",
                        "- Cancel: we cancel the order and refund everything you paid ($100.00).",
                        "Please choose by December 1, 2026, 6:00 PM EST",
                        "If we do not hear from you by then, we keep your order for the new date",
                        "Choose to wait and get 10% off your next order.",
                        Facts.URL);
    }

    @Test
    void aDelayNoticeBySmsSaysWhyTheDateAndHowToReplyWithTheOrdersCodeOrTheLink() {
        String link = "https://shop.example/c/o-42?t=abc";
        MessageFacts facts =
                Facts.named(Facts.of(Milestone.DELAY_NOTICE), "Camera X", link, "the supplier's shipment moved");

        String sms = MESSAGES.sms(Milestone.DELAY_NOTICE, "o-42", "Ada", EN, facts);

        assertThat(sms)
                .isEqualTo("Camera Corner, order o-42: Camera X is delayed: the supplier's shipment moved. New date "
                        + "12/24/26. No answer by 12/1/26, 6:00 PM EST = wait. Order code " + SmsReplyCode.of("o-42")
                        + ": reply 1/WAIT (10% off next order), 2/SWITCH or 3/CANCEL (full refund), or open " + link);
        assertThat(SmsSegments.count(sms)).isLessThanOrEqualTo(2);
    }

    @Test
    void aDelayNoticeWithALongLinkKeepsTheDateTheDeadlineTheCodeAndTheRepliesButNotTheReason() {
        String sms = sms(Milestone.DELAY_NOTICE, Facts.of(Milestone.DELAY_NOTICE));

        assertThat(sms)
                .isEqualTo("Camera Corner: Delayed to 12/24/26. No answer by 12/1/26, 6:00 PM EST = wait. Order code "
                        + SmsReplyCode.of("o-42") + ": reply 1/WAIT (10% off), 2/SWITCH or 3/CANCEL (full refund), or "
                        + "open " + Facts.URL);
        assertThat(SmsSegments.count(sms)).isLessThanOrEqualTo(2);
    }

    @Test
    void aDelayNoticeWithoutADateSaysUnknownAndThatSilenceCancels() {
        MessageFacts unknown = Facts.with(
                Facts.of(Milestone.DELAY_NOTICE), null, null, List.of(DelayChoice.SWITCH, DelayChoice.CANCEL), false);

        RenderedEmail email = email(Milestone.DELAY_NOTICE, unknown);
        String sms = sms(Milestone.DELAY_NOTICE, unknown);

        assertThat(email.subject()).contains("new date unknown");
        assertThat(email.text())
                .contains(
                        "New date: unknown.",
                        "Your choices: switch or cancel.",
                        "If we do not hear from you by then, we cancel your order and refund everything you paid.")
                .doesNotContain("- Wait", "% off");
        assertThat(sms)
                .contains(
                        "New date unknown",
                        "= cancel, full refund.",
                        "reply 2/SWITCH or 3/CANCEL, or open " + Facts.URL)
                .doesNotContain("% off", "WAIT");
    }

    @Test
    void delayAcceptedGivesTheRewardCode() {
        assertThat(email(Milestone.DELAY_ACCEPTED, Facts.of(Milestone.DELAY_ACCEPTED))
                        .text())
                .contains(
                        "the code WAIT-AB12CD34 gives you 10% off your next order",
                        "Expected date: December 24, 2026.");
        assertThat(sms(Milestone.DELAY_ACCEPTED, Facts.of(Milestone.DELAY_ACCEPTED)))
                .contains("10% off code: WAIT-AB12CD34");
    }

    @Test
    void switchedStatesTheNewProductAndTheDifferenceChargedOrRefunded() {
        MessageFacts refunded = Facts.of(Milestone.SWITCHED);
        MessageFacts charged = Facts.with(refunded, refunded.promisedDate(), Facts.usd(1_500), null, true);

        assertThat(email(Milestone.SWITCHED, refunded).text())
                .contains("Your order is now 1 x Camera X", "We refunded the price difference of $20.00")
                .doesNotContain("-20", "-$");
        assertThat(sms(Milestone.SWITCHED, refunded))
                .contains("Switched to Camera X", "Refunded the difference, $20.00");
        assertThat(email(Milestone.SWITCHED, charged).text()).contains("We charged the price difference of $15.00");
        assertThat(sms(Milestone.SWITCHED, charged)).contains("Charged the difference, $15.00");
    }

    @Test
    void aWaitReminderWithoutADateSaysUnknown() {
        MessageFacts undated = Facts.with(Facts.of(Milestone.WAIT_REMINDER), null, null, null, true);

        assertThat(email(Milestone.WAIT_REMINDER, undated).text()).contains("Expected date: unknown.");
        assertThat(sms(Milestone.WAIT_REMINDER, undated)).contains("New date unknown.");
    }

    @Test
    void aCustomerWithoutANameIsGreetedPlainly() {
        RenderedEmail email = MESSAGES.email(Milestone.SHIPPED, "o-42", null, EN, Facts.of(Milestone.SHIPPED));

        assertThat(email.text()).startsWith("Hello,\n");
    }

    private static RenderedEmail email(Milestone milestone, MessageFacts facts) {
        return MESSAGES.email(milestone, "o-42", "Ada", EN, facts);
    }

    private static String sms(Milestone milestone, MessageFacts facts) {
        return MESSAGES.sms(milestone, "o-42", "Ada", EN, facts);
    }

    private static String subjectWord(Milestone milestone) {
        return switch (milestone) {
            case CONFIRMED -> "confirmed";
            case RELEASE_REMINDER -> "reminder";
            case CHARGED -> "charged";
            case RELEASED -> "released";
            case PAYMENT_FAILED -> "payment failed";
            case PAYMENT_ACTION_REQUIRED -> "confirm it with your bank";
            case SHIPPED -> "shipped";
            case CANCELLED -> "cancelled";
            case DELAY_NOTICE -> "delayed";
            case DELAY_ACCEPTED -> "keeps waiting";
            case PROMISE_IMPROVED -> "good news";
            case WAIT_REMINDER -> "still waiting";
            case SWITCHED -> "switched";
            case LINK_RESENT -> "the link to your order";
            case SURVEY -> "how was your wait";
        };
    }

    private static String relevantFact(Milestone milestone) {
        return switch (milestone) {
            case CONFIRMED, CANCELLED -> "$20.00";
            case RELEASE_REMINDER, CHARGED, PAYMENT_FAILED, PAYMENT_ACTION_REQUIRED -> "$80.00";
            case RELEASED -> "$100.00";
            case SHIPPED -> "JD0001";
            case DELAY_NOTICE -> "10%";
            case DELAY_ACCEPTED -> "WAIT-AB12CD34";
            case PROMISE_IMPROVED, WAIT_REMINDER -> "12/24/26";
            case SWITCHED -> "$20.00";
            case LINK_RESENT -> "Here is the link to your order";
            case SURVEY -> "How was your wait";
        };
    }
}
