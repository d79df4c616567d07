package dev.waitwell.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.SmsReplyCode;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatesTest {

    @ParameterizedTest
    @CsvSource({
        "2000, USD, USD 20.00",
        "5, USD, USD 0.05",
        "0, EUR, EUR 0.00",
        "1999, JPY, JPY 1999",
        "123456789, BHD, BHD 123456.789"
    })
    void amountsAreWrittenExactlyInTheCurrencysMinorUnits(long minor, String currency, String expected) {
        assertThat(MessageText.money(Money.of(minor, currency))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Milestone.class)
    void everyEmailNamesOrderProductAndLinkAndItsSubjectNamesTheMilestone(Milestone milestone) {
        NotificationRequest request = Requests.of("o-42", milestone);

        Draft email = EmailTemplates.render(request, "ada@example.com");

        assertThat(email.subject()).contains("Order o-42").containsIgnoringCase(subjectWord(milestone));
        assertThat(email.body()).contains("o-42", "Camera X", request.facts().customerUrl(), "Hello Ada");
        assertThat(email.body()).contains(relevantAmount(milestone));
    }

    @ParameterizedTest
    @EnumSource(Milestone.class)
    void everySmsIsShortAndNamesOrderProductAmountAndLink(Milestone milestone) {
        NotificationRequest request = Requests.of("o-42", milestone);

        String sms = SmsTemplates.render(request, "+15550002222").body();

        assertThat(sms)
                .hasSizeLessThanOrEqualTo(SmsTemplates.MAX_LENGTH)
                .contains("o-42", "Camera X", request.facts().customerUrl());
        assertThat(gsm7Segments(sms)).isLessThanOrEqualTo(2);
        if (milestone != Milestone.SHIPPED) {
            assertThat(sms).contains(relevantAmount(milestone));
        }
    }

    @Test
    void aDelayNoticeWithTheLongestIdsNamesAndReasonsStillFitsTwoSegmentsWithItsChoicesAndWholeLink() {
        String orderId = "o-" + "7".repeat(62);
        String url = "https://shop.example.com/c/orders/" + orderId + "?token=1798761600." + "x".repeat(43);
        MessageFacts usual = Requests.facts(orderId, Milestone.DELAY_NOTICE);
        MessageFacts longest = new MessageFacts(
                "Professional Mirrorless Camera Body with 24-105mm Lens Kit",
                usual.sku(),
                1,
                usual.promisedDate(),
                null,
                usual.total(),
                usual.paid(),
                url,
                null,
                null,
                "our supplier's container was held at customs for inspection and the next sailing is full, so "
                        + "the goods arrive with the sailing after that one",
                usual.choices(),
                usual.decisionDeadline(),
                false,
                null,
                10);

        String sms = SmsTemplates.render(
                        new NotificationRequest(orderId, "DELAY-1", Milestone.DELAY_NOTICE, Requests.ADA, longest),
                        "+15550002222")
                .body();

        assertThat(gsm7Segments(sms)).isLessThanOrEqualTo(2);
        assertThat(sms)
                .hasSizeLessThanOrEqualTo(SmsTemplates.MAX_LENGTH)
                .endsWith(" " + url)
                .contains(
                        "Delayed to 2026-12-24",
                        "No answer by 2026-12-01 18:00 UTC = cancel, full refund.",
                        "Reply 1/WAIT (10% off), 2/SWITCH or 3/CANCEL, or open " + url);
    }

    @Test
    void aTextTooLongForItsLinkIsCutShortAndTheLinkStaysWhole() {
        String url = "https://shop.example/c/orders/o-1?token=" + "t".repeat(200);

        String sms = SmsTemplates.fitted("o-1", "y".repeat(300), url);

        assertThat(sms)
                .hasSize(SmsTemplates.MAX_LENGTH)
                .startsWith("Waitwell: yyy")
                .endsWith("... " + url);
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
    void promisedDateIsStated(Milestone milestone) {
        NotificationRequest request = Requests.of("o-42", milestone);

        assertThat(EmailTemplates.render(request, "a@b.c").body()).contains("2026-12-24");
        assertThat(SmsTemplates.render(request, "+1").body()).contains("2026-12-24");
    }

    @ParameterizedTest
    @EnumSource(value = Milestone.class, names = "SHIPPED")
    void shipmentStatesCarrierAndTracking(Milestone milestone) {
        NotificationRequest request = Requests.of("o-42", milestone);

        assertThat(EmailTemplates.render(request, "a@b.c").body()).contains("DHL", "JD0001");
        assertThat(SmsTemplates.render(request, "+1").body()).contains("DHL", "JD0001");
    }

    @ParameterizedTest
    @EnumSource(value = Milestone.class, names = "CANCELLED")
    void cancellationStatesRefundAndReason(Milestone milestone) {
        NotificationRequest request = Requests.of("o-42", milestone);

        assertThat(EmailTemplates.render(request, "a@b.c").subject())
                .isEqualTo("Order o-42 cancelled: USD 20.00 refunded");
        assertThat(EmailTemplates.render(request, "a@b.c").body())
                .contains("We refunded USD 20.00", "customer changed their mind");
        assertThat(SmsTemplates.render(request, "+1").body())
                .contains("Refunded USD 20.00", "customer changed their mind");
    }

    @Test
    void aPaymentToConfirmSaysTheBankAsksAndLeadsToTheOrderPageNeverToTheBank() {
        NotificationRequest request = Requests.of("o-42", Milestone.PAYMENT_ACTION_REQUIRED);

        Draft email = EmailTemplates.render(request, "a@b.c");
        String sms = SmsTemplates.render(request, "+1").body();

        assertThat(email.subject()).isEqualTo("Order o-42 payment: please confirm it with your bank");
        assertThat(email.body())
                .contains(
                        "Your bank asks you to confirm the payment of USD 80.00 for Camera X.",
                        "choose \"Confirm with your bank\"",
                        "Your order o-42: " + request.facts().customerUrl());
        assertThat(sms)
                .isEqualTo("Waitwell order o-42: Your bank asks you to confirm the payment of USD 80.00 for Camera X."
                        + " Please confirm it on your order page: "
                        + request.facts().customerUrl());
        assertThat(email.body() + sms).doesNotContainIgnoringCase("stripe").doesNotContain("authenticate");
    }

    @Test
    void aResentLinkSaysHereIsTheLinkToYourOrderAndEndsWithIt() {
        NotificationRequest request = Requests.of("o-42", Milestone.LINK_RESENT);

        Draft email = EmailTemplates.render(request, "a@b.c");
        String sms = SmsTemplates.render(request, "+1").body();

        assertThat(email.subject()).isEqualTo("Order o-42: the link to your order");
        assertThat(email.body())
                .contains(
                        "Here is the link to your order o-42 (1 x Camera X), as you asked.",
                        "Your order o-42: " + request.facts().customerUrl());
        assertThat(sms)
                .isEqualTo("Waitwell order o-42: Here is the link to your order of Camera X: "
                        + request.facts().customerUrl());
    }

    @Test
    void theSurveyAsksHowTheWaitWasForAReplyOneToFiveAndLinksThePage() {
        NotificationRequest request = Requests.of("o-42", Milestone.SURVEY);

        Draft email = EmailTemplates.render(request, "a@b.c");
        String sms = SmsTemplates.render(request, "+1").body();

        assertThat(email.subject()).isEqualTo("Order o-42: how was your wait?");
        assertThat(email.body())
                .contains(
                        "How was your wait?",
                        "from 1 (poor) to 5 (great)",
                        "Your order o-42: " + request.facts().customerUrl());
        assertThat(sms)
                .isEqualTo("Waitwell order o-42: How was your wait for Camera X? Reply 1-5 (5 = great), or answer "
                        + "here: " + request.facts().customerUrl());
    }

    @Test
    void chargedNeverSaysReleasedForItServesBackordersToo() {
        NotificationRequest request = Requests.of("o-42", Milestone.CHARGED);

        Draft email = EmailTemplates.render(request, "a@b.c");
        String sms = SmsTemplates.render(request, "+1").body();

        assertThat(email.subject() + email.body() + sms).doesNotContainIgnoringCase("released");
        assertThat(email.body())
                .contains("We charged USD 80.00 for your order o-42 (Camera X); it ships once the "
                        + "warehouse has packed it.");
        assertThat(sms).contains("Charged USD 80.00 for Camera X");
    }

    @Test
    void delayNoticeStatesNewDateReasonChoicesDeadlineSilenceRewardAndLink() {
        NotificationRequest request = Requests.of("o-42", Milestone.DELAY_NOTICE);

        Draft email = EmailTemplates.render(request, "a@b.c");
        String sms = SmsTemplates.render(request, "+1").body();

        assertThat(email.subject()).isEqualTo("Order o-42 delayed: Camera X now expected 2026-12-24; please choose");
        assertThat(email.body())
                .contains(
                        "New date: 2026-12-24.",
                        "because the supplier's shipment moved",
                        "Your choices: wait, switch or cancel.",
                        "- Wait: keep your order for the new date",
                        "- Switch: take an alternative that is in stock now; we charge or refund the price difference.",
                        "- Cancel: we cancel the order and refund everything you paid (USD 100.00).",
                        "Please choose by 2026-12-01 18:00 UTC",
                        "If we do not hear from you by then, we keep your order for the new date",
                        "Choose to wait and get 10% off your next order.",
                        request.facts().customerUrl());
        assertThat(sms)
                .contains(
                        "delayed: the supplier's shipment moved",
                        "New date 2026-12-24",
                        "reply 1/WAIT (10% off next order), 2/SWITCH or 3/CANCEL (full refund)",
                        "No answer by 2026-12-01 18:00 UTC = wait.",
                        request.facts().customerUrl());
    }

    @Test
    void delayNoticeWithoutADateSaysUnknownAndThatSilenceCancels() {
        MessageFacts f = Requests.facts("o-42", Milestone.DELAY_NOTICE);
        MessageFacts unknown = new MessageFacts(
                f.productName(),
                f.sku(),
                f.quantity(),
                null,
                null,
                f.total(),
                f.paid(),
                f.customerUrl(),
                null,
                null,
                f.reason(),
                List.of(DelayChoice.SWITCH, DelayChoice.CANCEL),
                f.decisionDeadline(),
                false,
                null,
                10);
        NotificationRequest request =
                new NotificationRequest("o-42", "DELAY_NOTICE-2", Milestone.DELAY_NOTICE, Requests.ADA, unknown);

        Draft email = EmailTemplates.render(request, "a@b.c");
        String sms = SmsTemplates.render(request, "+1").body();

        assertThat(email.subject()).contains("new date unknown");
        assertThat(email.body())
                .contains(
                        "New date: unknown.",
                        "Your choices: switch or cancel.",
                        "If we do not hear from you by then, we cancel your order and refund everything you paid.")
                .doesNotContain("- Wait", "% off");
        assertThat(sms)
                .contains(
                        "New date unknown",
                        "No answer by 2026-12-01 18:00 UTC = cancel, full refund.",
                        "reply 2/SWITCH or 3/CANCEL, or open " + f.customerUrl())
                .doesNotContain("% off", "WAIT");
    }

    @Test
    void aDelayNoticeBySmsSaysHowToReplyWithTheOrdersCodeOrTheLink() {
        NotificationRequest request = Requests.of("o-42", Milestone.DELAY_NOTICE);

        String sms = SmsTemplates.render(request, "+15550002222").body();

        assertThat(sms)
                .startsWith("Waitwell order o-42: Camera X is delayed: the supplier's shipment moved. New date "
                        + "2026-12-24.")
                .contains("Order code " + SmsReplyCode.of("o-42") + ": reply 1/WAIT (10% off next order), 2/SWITCH or "
                        + "3/CANCEL (full refund), or open " + request.facts().customerUrl())
                .endsWith(request.facts().customerUrl());
        assertThat(gsm7Segments(sms)).isLessThanOrEqualTo(2);
    }

    @Test
    void delayAcceptedGivesTheRewardCode() {
        NotificationRequest request = Requests.of("o-42", Milestone.DELAY_ACCEPTED);

        assertThat(EmailTemplates.render(request, "a@b.c").body())
                .contains("the code WAIT-AB12CD34 gives you 10% off your next order", "Expected date: 2026-12-24.");
        assertThat(SmsTemplates.render(request, "+1").body()).contains("10% off code: WAIT-AB12CD34");
    }

    @Test
    void switchedStatesTheNewProductAndTheDifferenceChargedOrRefunded() {
        NotificationRequest refunded = Requests.of("o-42", Milestone.SWITCHED);
        MessageFacts f = refunded.facts();
        NotificationRequest charged = new NotificationRequest(
                "o-42",
                "SWITCHED",
                Milestone.SWITCHED,
                Requests.ADA,
                new MessageFacts(
                        f.productName(),
                        f.sku(),
                        f.quantity(),
                        f.promisedDate(),
                        Money.of(1500, "USD"),
                        f.total(),
                        f.paid(),
                        f.customerUrl(),
                        null,
                        null,
                        f.reason()));

        assertThat(EmailTemplates.render(refunded, "a@b.c").body())
                .contains("Your order is now 1 x Camera X", "We refunded the price difference of USD 20.00")
                .doesNotContain("-20");
        assertThat(SmsTemplates.render(refunded, "+1").body())
                .contains("Switched to Camera X", "Refunded the difference, USD 20.00");
        assertThat(EmailTemplates.render(charged, "a@b.c").body())
                .contains("We charged the price difference of USD 15.00");
        assertThat(SmsTemplates.render(charged, "+1").body()).contains("Charged the difference, USD 15.00");
    }

    @Test
    void waitReminderWithoutADateSaysUnknown() {
        MessageFacts f = Requests.facts("o-42", Milestone.WAIT_REMINDER);
        NotificationRequest request = new NotificationRequest(
                "o-42",
                "WAIT_REMINDER-1",
                Milestone.WAIT_REMINDER,
                Requests.ADA,
                new MessageFacts(
                        f.productName(),
                        f.sku(),
                        f.quantity(),
                        null,
                        null,
                        f.total(),
                        f.paid(),
                        f.customerUrl(),
                        null,
                        null,
                        null));

        assertThat(EmailTemplates.render(request, "a@b.c").body()).contains("Expected date: unknown.");
        assertThat(SmsTemplates.render(request, "+1").body()).contains("Expected unknown.");
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

    private static String relevantAmount(Milestone milestone) {
        return switch (milestone) {
            case CONFIRMED, CANCELLED -> "USD 20.00";
            case RELEASE_REMINDER, CHARGED, PAYMENT_FAILED, PAYMENT_ACTION_REQUIRED -> "USD 80.00";
            case RELEASED, SHIPPED -> "USD 100.00";
            case DELAY_NOTICE -> "10%";
            case DELAY_ACCEPTED -> "WAIT-AB12CD34";
            case PROMISE_IMPROVED, WAIT_REMINDER -> "2026-12-24";
            case SWITCHED -> "USD 20.00";
            case LINK_RESENT -> "Here is the link to your order";
            case SURVEY -> "How was your wait";
        };
    }

    /**
     * How many SMS segments a text takes in GSM-7: 160 characters alone, 153 each when concatenated; the
     * extension characters count twice. A character outside GSM-7 makes it UCS-2, which this fails on.
     */
    private static int gsm7Segments(String text) {
        String basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                + "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        String extension = "^{}\\[~]|€";
        int septets = 0;
        for (char c : text.toCharArray()) {
            if (basic.indexOf(c) >= 0) {
                septets++;
            } else if (extension.indexOf(c) >= 0) {
                septets += 2;
            } else {
                throw new AssertionError("'" + c + "' is not GSM-7: the SMS would be sent as UCS-2");
            }
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
