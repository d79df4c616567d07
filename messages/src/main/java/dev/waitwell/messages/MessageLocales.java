package dev.waitwell.messages;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Waitwell writes in, and which one a customer gets: their own when it ships (keeping its region, so
 * {@code de-CH} formats amounts the Swiss way), else the shop's.
 */
public final class MessageLocales {

    /** The languages with bundles of their own; English is also every missing word's fallback. */
    public static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    private final Locale shopLocale;

    public MessageLocales(String shopLocale) {
        this.shopLocale = shipped(shopLocale)
                .orElseThrow(() -> new IllegalArgumentException(
                        "waitwell.shop.locale (WAITWELL_SHOP_LOCALE) '" + shopLocale + "' is not one of " + tags()));
    }

    /** The customer's locale when its language ships, else the shop's; null or malformed tags get the shop's too. */
    public Locale forCustomer(String tag) {
        return shipped(tag).orElse(shopLocale);
    }

    public Locale shopLocale() {
        return shopLocale;
    }

    /** The tag as a locale when it is well formed and its language ships. */
    public static Optional<Locale> shipped(String tag) {
        return readable(tag)
                .filter(locale -> SHIPPED.stream()
                        .anyMatch(shipped -> shipped.getLanguage().equals(locale.getLanguage())));
    }

    /**
     * A well-formed BCP 47 tag of at most 35 characters as a locale, whatever its language, without extensions:
     * "-u-nu-arab" would write amounts in Arabic digits, and "-x-" means nothing to us. Empty for none, an
     * unreadable one or "und".
     */
    public static Optional<Locale> readable(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        try {
            Locale locale =
                    new Locale.Builder().setLanguageTag(tag.strip()).build().stripExtensions();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
        } catch (IllformedLocaleException unreadable) {
            return Optional.empty();
        }
    }

    /** "en, de, fr". */
    public static String tags() {
        return String.join(", ", SHIPPED.stream().map(Locale::toLanguageTag).toList());
    }
}
