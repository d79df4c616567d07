package dev.waitwell.messages;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.shop.*}: whose messages they are. Every email names the shop as its sender, in its header and in a
 * footer that says how to reach support; every SMS starts with the name; the customer page shows it.
 *
 * @param name {@code WAITWELL_SHOP_NAME}
 * @param supportEmail {@code WAITWELL_SHOP_SUPPORT_EMAIL}
 * @param supportPhone {@code WAITWELL_SHOP_SUPPORT_PHONE}, optional
 * @param url {@code WAITWELL_SHOP_URL}, the shop's own site
 * @param logoUrl {@code WAITWELL_SHOP_LOGO_URL}, optional: an absolute https URL of an image the emails show
 * @param locale {@code WAITWELL_SHOP_LOCALE}: the language of customers who did not say theirs
 * @param templatesDir {@code WAITWELL_TEMPLATES_DIR}, optional: the shop's templates and message bundles
 */
@ConfigurationProperties("waitwell.shop")
public record ShopProperties(
        @DefaultValue("Waitwell Demo Shop") String name,
        @DefaultValue("support@waitwell.local") String supportEmail,
        String supportPhone,
        @DefaultValue("http://localhost:8080") String url,
        String logoUrl,
        @DefaultValue("en") String locale,
        String templatesDir) {

    public ShopProperties {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("waitwell.shop.name (WAITWELL_SHOP_NAME) must not be blank");
        }
        supportPhone = blankToNull(supportPhone);
        logoUrl = blankToNull(logoUrl);
        if (logoUrl != null && !logoUrl.startsWith("https://")) {
            // Mail clients block or flag images over plain http; the staff preview allows https images only.
            throw new IllegalArgumentException(
                    "waitwell.shop.logo-url (WAITWELL_SHOP_LOGO_URL) must be an https URL: " + logoUrl);
        }
        templatesDir = blankToNull(templatesDir);
    }

    /** The shop as the templates see it ({@code shop.name}, {@code shop.supportEmail}...). */
    public static ShopProperties named(String name) {
        return new ShopProperties(name, "support@example.com", null, "https://shop.example.com", null, "en", null);
    }

    /**
     * The shop as templates see it: {@code shop.name}, {@code shop.supportEmail}, {@code shop.supportPhone},
     * {@code shop.url}, {@code shop.logoUrl} (the last two optional ones null when not set).
     */
    Map<String, Object> asVariables() {
        Map<String, Object> shop = new HashMap<>();
        shop.put("name", name);
        shop.put("supportEmail", supportEmail);
        shop.put("supportPhone", supportPhone);
        shop.put("url", url);
        shop.put("logoUrl", logoUrl);
        return Collections.unmodifiableMap(shop);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
