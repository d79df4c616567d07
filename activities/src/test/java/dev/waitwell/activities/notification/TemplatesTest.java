package dev.waitwell.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatesTest {

    @ParameterizedTest
    @CsvSource({"2000, USD, USD 20.00", "5, USD, USD 0.05", "0, EUR, EUR 0.00", "1999, JPY, JPY 1999",
            "123456789, BHD, BHD 123456.789"})
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

        assertThat(sms).hasSizeLessThanOrEqualTo(SmsTemplates.MAX_LENGTH)
                .contains("o-42", "Camera X", request.facts().customerUrl());
        if (milestone != Milestone.SHIPPED) {
            assertThat(sms).contains(relevantAmount(milestone));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Milestone.class, names = {"CONFIRMED", "RELEASE_REMINDER"})
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

    private static String subjectWord(Milestone milestone) {
        return switch (milestone) {
            case CONFIRMED -> "confirmed";
            case RELEASE_REMINDER -> "reminder";
            case CHARGED -> "charged";
            case RELEASED -> "released";
            case PAYMENT_FAILED -> "payment failed";
            case SHIPPED -> "shipped";
            case CANCELLED -> "cancelled";
        };
    }

    private static String relevantAmount(Milestone milestone) {
        return switch (milestone) {
            case CONFIRMED, CANCELLED -> "USD 20.00";
            case RELEASE_REMINDER, CHARGED, PAYMENT_FAILED -> "USD 80.00";
            case RELEASED, SHIPPED -> "USD 100.00";
        };
    }
}
