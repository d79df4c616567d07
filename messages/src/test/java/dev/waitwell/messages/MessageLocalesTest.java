package dev.waitwell.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.shared.Money;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageLocalesTest {

    private final MessageLocales locales = new MessageLocales("en");

    @Test
    void aCustomerWhoseLanguageShipsGetsItWithTheirRegion() {
        assertThat(locales.forCustomer("de-CH")).isEqualTo(Locale.forLanguageTag("de-CH"));
        assertThat(locales.forCustomer(" fr ")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void anyOtherTagOrNoneGetsTheShopsLanguage() {
        assertThat(locales.forCustomer("es-ES")).isEqualTo(Locale.ENGLISH);
        assertThat(locales.forCustomer("not a tag!")).isEqualTo(Locale.ENGLISH);
        assertThat(locales.forCustomer("und")).isEqualTo(Locale.ENGLISH);
        assertThat(locales.forCustomer(null)).isEqualTo(Locale.ENGLISH);
        assertThat(locales.forCustomer("de-" + "x".repeat(40))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void extensionsCannotChangeHowAmountsAreWritten() {
        Locale customer = locales.forCustomer("de-DE-u-nu-arab-x-private");

        assertThat(customer.toLanguageTag()).isEqualTo("de-DE");
        assertThat(new Formats(customer, ZoneId.of("UTC")).money(Money.of(49_900, "EUR")))
                .isEqualTo("499,00\u00A0€");
        assertThat(MessageLocales.readable("es-ES-u-ca-buddhist").orElseThrow().toLanguageTag())
                .isEqualTo("es-ES");
    }
}
