package dev.waitwell.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.notification.Milestone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shop's own files in WAITWELL_TEMPLATES_DIR: they replace the built-in ones by name and language, checked at once. */
class OverridesTest {

    @TempDir
    Path dir;

    @Test
    void aSubjectForEveryLanguageReplacesTheBuiltInOneAndALanguagesOwnWinsForThatLanguage() throws IOException {
        write("email/CONFIRMED.subject.txt", "[(${shop.name})] has your order [(${order})]!");
        write("de/email/CONFIRMED.subject.txt", "Danke für Ihre Bestellung [(${order})] bei [(${shop.name})]");
        Messages messages = messages();
        messages.validate();

        assertThat(subject(messages, Locale.ENGLISH)).isEqualTo("Camera Corner has your order o-42!");
        assertThat(subject(messages, Locale.FRENCH)).isEqualTo("Camera Corner has your order o-42!");
        assertThat(subject(messages, Locale.GERMAN)).isEqualTo("Danke für Ihre Bestellung o-42 bei Camera Corner");
    }

    @Test
    void aShopsBundleChangesOneWordAndKeepsTheRest() throws IOException {
        write("messages.properties", "email.button=Track your order\n");
        write("messages_de.properties", "email.greeting.named=Moin {0},\n");
        Messages messages = messages();

        RenderedEmail english =
                messages.email(Milestone.SHIPPED, "o-42", "Ada", Locale.ENGLISH, Facts.of(Milestone.SHIPPED));
        RenderedEmail german =
                messages.email(Milestone.SHIPPED, "o-42", "Ada", Locale.GERMAN, Facts.of(Milestone.SHIPPED));

        assertThat(english.html()).contains("Track your order").doesNotContain("View your order");
        assertThat(english.text()).startsWith("Hello Ada,");
        assertThat(german.text()).startsWith("Moin Ada,");
    }

    @Test
    void aTemplateThatDoesNotParseStopsValidationNamingItsFileAndLine() throws IOException {
        write("email/SHIPPED.html", "<p>fine</p>\n<p th:text=\"${order.}\">broken</p>\n");
        Messages messages = messages();

        assertThatThrownBy(messages::validate)
                .isInstanceOf(BrokenTemplateException.class)
                .hasMessageContaining(dir.resolve("email/SHIPPED.html").toString())
                .hasMessageContaining("line 2");
    }

    @Test
    void aTemplateAskingForAWordNoBundleHasStopsValidation() throws IOException {
        write("sms/SHIPPED.txt", "[(#{no.such.word})]");
        Messages messages = messages();

        assertThatThrownBy(messages::validate)
                .isInstanceOf(BrokenTemplateException.class)
                .hasMessageContaining("sms/SHIPPED.txt")
                .hasMessageContaining("no message 'no.such.word'");
    }

    @Test
    void aWordThatIsNotAValidPatternStopsValidationNamingItsBundleAndKey() throws IOException {
        write("replies_fr.properties", "reply.help=Aide : {0 pour vous\n");
        Messages messages = messages();

        assertThatThrownBy(messages::validate)
                .isInstanceOf(BrokenTemplateException.class)
                .hasMessageContaining(dir.resolve("replies_fr.properties").toString())
                .hasMessageContaining("reply.help");
    }

    @Test
    void aTemplateBrokenOnlyWhereWaitingEarnsNoRewardIsFoundAtStartUp() throws IOException {
        write(
                "sms/DELAY_NOTICE.txt",
                "[(${shop.name})] [# th:if=\"${offersWait and rewardPercent == 0}\"][(#{no.such.word})][/]");
        Messages messages = messages();

        assertThatThrownBy(messages::validate)
                .isInstanceOf(BrokenTemplateException.class)
                .hasMessageContaining("sms/DELAY_NOTICE.txt")
                .hasMessageContaining("no.such.word");
    }

    @Test
    void aFileAddedWhileTheApplicationRunsIsNotUsedUnchecked() throws IOException {
        Messages messages = messages();
        messages.validate();
        write("email/CONFIRMED.subject.txt", "[(${order.})] broken");

        assertThat(subject(messages, Locale.ENGLISH))
                .isEqualTo("Order o-42 confirmed: Camera X arrives December 24, 2026");
    }

    @Test
    void aDirectoryThatIsNotThereIsRefusedAtOnce() {
        ShopProperties shop = new ShopProperties(
                "Camera Corner",
                "help@example.com",
                null,
                "https://example.com",
                null,
                "en",
                dir.resolve("missing").toString());

        assertThatThrownBy(() -> Facts.messages(shop))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAITWELL_TEMPLATES_DIR");
    }

    @Test
    void aShopLanguageWaitwellDoesNotWriteIsRefusedAtOnce() {
        ShopProperties shop =
                new ShopProperties("Camera Corner", "help@example.com", null, "https://example.com", null, "es", null);

        assertThatThrownBy(() -> Facts.messages(shop))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAITWELL_SHOP_LOCALE")
                .hasMessageContaining("en, de, fr");
    }

    private Messages messages() {
        return Facts.messages(new ShopProperties(
                "Camera Corner", "help@example.com", null, "https://example.com", null, "en", dir.toString()));
    }

    private static String subject(Messages messages, Locale locale) {
        return messages.email(Milestone.CONFIRMED, "o-42", "Ada", locale, Facts.of(Milestone.CONFIRMED))
                .subject();
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
