package dev.waitwell.api.customer;

import dev.waitwell.api.order.DecisionView;
import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.payment.PaymentIssueView;
import dev.waitwell.api.survey.Surveys;
import dev.waitwell.messages.MessageLocales;
import dev.waitwell.messages.SampleFacts;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.shared.DelayChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Renders every page template in every shipped language with sample orders when the API starts, and asks for every
 * word the controllers use: a shop's broken override (WAITWELL_TEMPLATES_DIR) or a missing word stops the start
 * instead of failing in front of a customer.
 */
@Component
class PageTemplatesCheck {

    /** Every word the controllers put together themselves; the templates' own words are asked by rendering them. */
    private static final List<String> CONTROLLER_WORDS = List.of(
            "page.result.thanks",
            "page.result.unchanged",
            "page.result.choiceUnknown.heading",
            "page.result.choiceUnknown.text",
            "page.result.waiting",
            "page.result.waitingFor",
            "page.result.reward",
            "page.result.switched",
            "page.result.cancelled",
            "page.result.paymentInvalid.heading",
            "page.result.paymentInvalid.text",
            "page.result.paymentUpdated.heading",
            "page.result.paymentUpdated.text",
            "page.result.surveyInvalid.heading",
            "page.result.surveyInvalid.text",
            "page.result.surveyNotSent.heading",
            "page.result.surveyNotSent.text",
            "page.result.surveyAgain");

    private static final String TOKEN = "sample.token";

    PageTemplatesCheck(CustomerPage page) {
        for (Locale locale : MessageLocales.SHIPPED) {
            for (CustomerPage.OrderPage sample : samples(locale)) {
                page.order(sample);
            }
            page.result(SampleFacts.ORDER_ID, TOKEN, locale, "Heading", "Message.");
            page.invalidLink(locale);
            for (OrderStatus status : OrderStatus.values()) {
                page.word(locale, "page.status." + status.name());
            }
            for (String key : CONTROLLER_WORDS) {
                page.word(locale, key, 1);
            }
        }
    }

    /**
     * A delayed order waiting on the bank with the survey's buttons, every choice and a date; then a declined one
     * back from the bank with the survey answered, refunds, a reward, and neither a date nor an alternative.
     */
    private static List<CustomerPage.OrderPage> samples(Locale locale) {
        Instant at = Instant.parse("2027-05-20T10:00:00Z");
        DecisionView everyChoice = new DecisionView(
                1,
                LocalDate.of(2027, 6, 1),
                "the supplier's shipment is late",
                List.of(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL),
                at,
                true,
                List.of(new DecisionView.Alternative("CAM-2", "Camera Two", 45_000, "EUR")));
        DecisionView noDate =
                new DecisionView(2, null, null, List.of(DelayChoice.SWITCH, DelayChoice.CANCEL), at, false, List.of());
        PaymentIssueView bank = new PaymentIssueView(
                PaymentIssue.AUTHENTICATION_REQUIRED, "Confirm with your bank", "https://bank.example.com/3ds");
        PaymentIssueView declined = new PaymentIssueView("card_declined", "Declined", null);
        Surveys.Survey sent = new Surveys.Survey(SampleFacts.ORDER_ID, at, null, null, null, null);
        Surveys.Survey answered = new Surveys.Survey(SampleFacts.ORDER_ID, at, 4, "Worth it", at, "PAGE");
        return List.of(
                new CustomerPage.OrderPage(
                        details(view(LocalDate.of(2027, 6, 1), 0, null, everyChoice, bank)),
                        "Camera One",
                        locale,
                        TOKEN,
                        false,
                        Optional.of(sent)),
                new CustomerPage.OrderPage(
                        details(view(null, 5_000, "WAIT-7QX2", noDate, declined)),
                        "Camera One",
                        locale,
                        TOKEN,
                        true,
                        Optional.of(answered)));
    }

    private static OrderView view(
            LocalDate promised, long refunded, String reward, DecisionView decision, PaymentIssueView issue) {
        return new OrderView(
                SampleFacts.ORDER_ID,
                "PREORDER",
                OrderStatus.AWAITING_PAYMENT.name(),
                "CAM-1",
                2,
                0,
                0,
                "FULL",
                promised,
                "EUR",
                99_800,
                49_900,
                refunded,
                null,
                decision,
                reward,
                issue);
    }

    private static OrderDetails details(OrderView view) {
        return new OrderDetails(
                view,
                List.of(
                        new OrderDetails.TimelineEntry(
                                Instant.parse("2027-05-01T08:30:00Z").atOffset(ZoneOffset.UTC),
                                "ORDER_PLACED",
                                "Order placed"),
                        new OrderDetails.TimelineEntry(
                                Instant.parse("2027-05-01T08:30:01Z").atOffset(ZoneOffset.UTC),
                                "STATUS_AWAITING_RELEASE",
                                "Waiting for the release")),
                List.of());
    }
}
