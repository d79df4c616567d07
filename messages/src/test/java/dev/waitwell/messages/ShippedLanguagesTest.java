package dev.waitwell.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every milestone, on every channel, in every language Waitwell ships: what each must say (the order, the product,
 * the amount and the date as the language writes them, the link, the shop and how to reach it), HTML that keeps a
 * hostile product name as text, and SMS in two segments with the link whole.
 */
class ShippedLanguagesTest {

    private static final Messages MESSAGES = Facts.messages();

    /** What a language writes for the facts of {@link Facts}, in euros: amounts, long and short dates. */
    private record Written(Locale locale, Map<Long, String> amounts, String date, String shortDate, String hello) {}

    private static final List<Written> LANGUAGES = List.of(
            new Written(
                    Locale.ENGLISH,
                    Map.of(2_000L, "€20.00", 8_000L, "€80.00", 10_000L, "€100.00"),
                    "December 24, 2026",
                    "12/24/26",
                    "Hello Ada,"),
            new Written(
                    Locale.GERMAN,
                    Map.of(2_000L, "20,00 €", 8_000L, "80,00 €", 10_000L, "100,00 €"),
                    "24. Dezember 2026",
                    "24.12.26",
                    "Hallo Ada,"),
            new Written(
                    Locale.FRENCH,
                    Map.of(2_000L, "20,00 €", 8_000L, "80,00 €", 10_000L, "100,00 €"),
                    "24 décembre 2026",
                    "24/12/2026",
                    "Bonjour Ada,"));

    static Stream<Arguments> everyMilestoneInEveryLanguage() {
        List<Arguments> all = new ArrayList<>();
        for (Written language : LANGUAGES) {
            for (Milestone milestone : Milestone.values()) {
                all.add(Arguments.of(language.locale().getLanguage(), milestone));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMilestoneInEveryLanguage")
    void theEmailSaysTheOrderTheProductTheFactsTheLinkAndTheShop(String language, Milestone milestone) {
        Written written = written(language);
        MessageFacts facts = inEuros(Facts.of(milestone));

        RenderedEmail email = MESSAGES.email(milestone, "o-42", "Ada", written.locale(), facts);

        assertThat(email.subject()).contains("o-42").doesNotContain("??", "{0}", "#{");
        assertThat(plain(email.text()))
                .startsWith(written.hello())
                .contains("o-42", "Camera X", Facts.URL, "Camera Corner", "help@cameracorner.example")
                .doesNotContain("??", "{0}", "#{", "${");
        String fact = relevantFact(milestone, written, false);
        if (fact != null) {
            assertThat(plain(email.text())).contains(fact);
            assertThat(plain(email.html())).contains(fact);
        }
        assertThat(email.html())
                .contains("<html lang=\"" + language + "\">", "Camera Corner", "mailto:help@cameracorner.example")
                .doesNotContain("??", "th:text");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMilestoneInEveryLanguage")
    void theSmsStartsWithTheShopFitsTwoSegmentsAndEndsWithTheWholeLink(String language, Milestone milestone) {
        Written written = written(language);
        MessageFacts facts = inEuros(Facts.of(milestone));

        String sms = MESSAGES.sms(milestone, "o-42", "Ada", written.locale(), facts);

        assertThat(sms).startsWith("Camera Corner").endsWith(" " + Facts.URL).doesNotContain("??", "{0}", "...");
        assertThat(SmsSegments.count(sms)).as(sms).isLessThanOrEqualTo(Messages.MAX_SMS_SEGMENTS);
        String fact = relevantFact(milestone, written, true);
        if (fact != null && milestone != Milestone.DELAY_NOTICE) {
            assertThat(plain(sms)).contains(fact);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMilestoneInEveryLanguage")
    void aProductNamedLikeAScriptStaysTextInTheHtml(String language, Milestone milestone) {
        MessageFacts facts = Facts.named(
                Facts.of(milestone),
                "<script>alert(1)</script>",
                Facts.URL,
                Facts.of(milestone).reason());

        RenderedEmail email = MESSAGES.email(
                milestone, "o-42", "<b>Ada</b>", written(language).locale(), facts);

        assertThat(email.html()).doesNotContain("<script", "<b>Ada").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(email.text()).contains("<script>alert(1)</script>");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "de", "fr"})
    void aDelayNoticeFromAShopWhoseNameIsNotGsm7IsShortenedAtAWordToTwoUcs2SegmentsWithTheWholeLink(String language) {
        Messages messages = Facts.messages(new ShopProperties(
                "Crêperie Bretonne", "help@cafe.example", null, "https://cafe.example", null, "en", null));
        String link = "https://cafe.example/c/orders/o-42?token=1798761600.abcdefghijklmnop";

        String sms = messages.sms(
                Milestone.DELAY_NOTICE,
                "o-42",
                "Ada",
                written(language).locale(),
                Facts.named(Facts.of(Milestone.DELAY_NOTICE), "Camera X", link, "the supplier's shipment moved"));

        assertThat(SmsSegments.isGsm7(sms)).isFalse();
        assertThat(SmsSegments.count(sms)).as(sms).isLessThanOrEqualTo(Messages.MAX_SMS_SEGMENTS);
        // 134 characters in all, the link takes half: the new date stays, the rest is on the page.
        assertThat(sms)
                .startsWith("Crêperie Bretonne")
                .endsWith("... " + link)
                .contains(written(language).shortDate());
        String text = sms.substring(0, sms.length() - ("... " + link).length());
        assertThat(text).as("cut after a whole word").doesNotEndWith(" ").matches("(?s).*[\\p{L}\\p{N}.,:;)]$");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "en, your payment did not reach us in time",
        "de, Ihre Zahlung ist nicht rechtzeitig bei uns eingegangen",
        "fr, votre paiement ne nous est pas parvenu à temps"
    })
    void aCancellationWaitwellMadeItselfGivesItsReasonInTheCustomersWordsNotTheRecords(String language, String words) {
        MessageFacts facts = Facts.named(
                Facts.of(Milestone.CANCELLED),
                "Camera X",
                Facts.URL,
                dev.waitwell.workflows.lifecycle.CancellationReasons.PAYMENT_NOT_RECEIVED + "PT72H");

        RenderedEmail email = MESSAGES.email(
                Milestone.CANCELLED, "o-42", "Ada", written(language).locale(), facts);
        String sms = MESSAGES.sms(
                Milestone.CANCELLED, "o-42", "Ada", written(language).locale(), facts);

        assertThat(email.text()).contains(words).doesNotContain("PT72H", "payment not received");
        assertThat(sms).contains(words).doesNotContain("PT72H");
    }

    private static Written written(String language) {
        return LANGUAGES.stream()
                .filter(w -> w.locale().getLanguage().equals(language))
                .findFirst()
                .orElseThrow();
    }

    /** The fact each milestone must state, as the language writes it; null where the sample has none to check. */
    private static String relevantFact(Milestone milestone, Written written, boolean sms) {
        String date = sms ? written.shortDate() : written.date();
        return switch (milestone) {
            case CONFIRMED, CANCELLED -> written.amounts().get(2_000L);
            case RELEASE_REMINDER, CHARGED, PAYMENT_FAILED, PAYMENT_ACTION_REQUIRED ->
                written.amounts().get(8_000L);
            case RELEASED -> written.amounts().get(10_000L);
            case SWITCHED -> written.amounts().get(2_000L);
            case SHIPPED -> "JD0001";
            case DELAY_ACCEPTED -> "WAIT-AB12CD34";
            case DELAY_NOTICE, PROMISE_IMPROVED, WAIT_REMINDER -> date;
            case LINK_RESENT, SURVEY -> null;
        };
    }

    private static MessageFacts inEuros(MessageFacts f) {
        return new MessageFacts(
                f.productName(),
                f.sku(),
                f.quantity(),
                f.promisedDate(),
                euros(f.amount()),
                euros(f.total()),
                euros(f.paid()),
                f.customerUrl(),
                f.carrier(),
                f.trackingNumber(),
                f.reason(),
                f.choices(),
                f.decisionDeadline(),
                f.silenceMeansWait(),
                f.rewardCode(),
                f.rewardPercent());
    }

    private static Money euros(Money money) {
        return money == null ? null : Money.of(money.amountMinor(), "EUR");
    }

    /** No-break spaces (French and German number formats) read as spaces. */
    private static String plain(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
