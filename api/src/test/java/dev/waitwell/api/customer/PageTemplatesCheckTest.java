package dev.waitwell.api.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.messages.Messages;
import dev.waitwell.messages.ShopProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API refuses to start with a page template or a word that would fail in front of a customer. */
class PageTemplatesCheckTest {

    @TempDir
    Path overrides;

    @Test
    void theBuiltInPagesRenderInEveryShippedLanguage() {
        new PageTemplatesCheck(page(null));
    }

    @Test
    void aBrokenOverrideOfOneLanguageStopsTheStartNamingItsFile() throws Exception {
        Files.createDirectories(overrides.resolve("fr/page"));
        Files.writeString(overrides.resolve("fr/page/order.html"), "<p th:text=\"${fmt.money(}\">x</p>");

        assertThatThrownBy(() -> new PageTemplatesCheck(page(overrides.toString())))
                .hasMessageContaining("order.html");
    }

    @Test
    void anOverrideWithAWordNoBundleHasStopsTheStart() throws Exception {
        Files.createDirectories(overrides.resolve("page"));
        Files.writeString(overrides.resolve("page/invalid-link.html"), "<h1 th:text=\"#{page.nowhere}\">x</h1>");

        assertThatThrownBy(() -> new PageTemplatesCheck(page(overrides.toString())))
                .hasStackTraceContaining("page.nowhere");
    }

    @Test
    void aShopsOwnWordsReplaceTheBuiltInOnes() throws Exception {
        Files.writeString(overrides.resolve("page_de.properties"), "page.invalid.heading=Ungültiger Link, leider\n");

        assertThat(page(overrides.toString()).invalidLink(Locale.GERMAN)).contains("Ungültiger Link, leider");
    }

    /** Without a database: the check renders sample orders only. */
    private static CustomerPage page(String templatesDir) {
        ShopProperties shop = new ShopProperties(
                "Test Shop", "help@shop.example", null, "https://shop.example", null, "en", templatesDir);
        return new CustomerPage(new Messages(shop, ZoneId.of("Europe/Berlin")), null);
    }
}
