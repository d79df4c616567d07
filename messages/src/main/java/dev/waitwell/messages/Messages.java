package dev.waitwell.messages;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders what customers read: each milestone's email and SMS, the email that replaces an undelivered SMS, and the
 * customer page's templates. Thread-safe; built once per application, which renders every template with sample
 * facts first ({@link #validate()}), so a broken template stops the start.
 */
public final class Messages {

    /** Two segments: what a customer's phone shows as one message without splitting it into many. */
    public static final int MAX_SMS_SEGMENTS = SmsText.MAX_SEGMENTS;

    /** A product name longer than this is shortened in an SMS; the page shows it whole. */
    static final int SMS_PRODUCT_NAME = 40;

    /** The start of an SMS a cut never shortens: about the shop's name. */
    private static final int SMS_KEEP = 20;

    private final ShopProperties shop;
    private final ZoneId zone;
    private final MessageLocales locales;
    private final MessageBundles bundles;
    private final MessageTemplates templates;

    public Messages(ShopProperties shop, ZoneId zone) {
        this.shop = shop;
        this.zone = zone;
        this.locales = new MessageLocales(shop.locale());
        Path overrides = overridesDir(shop.templatesDir());
        this.bundles = new MessageBundles(overrides);
        this.templates = new MessageTemplates(overrides, bundles);
    }

    private static Path overridesDir(String dir) {
        if (dir == null) {
            return null;
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                    "waitwell.shop.templates-dir (WAITWELL_TEMPLATES_DIR) " + dir + " is not a directory");
        }
        return path;
    }

    public ShopProperties shop() {
        return shop;
    }

    public MessageLocales locales() {
        return locales;
    }

    /** The formats of a language in the shop's zone. */
    public Formats formats(Locale locale) {
        return new Formats(locale, zone);
    }

    /** The email of a milestone, in {@code locale} (a locale of {@link MessageLocales#forCustomer(String)}). */
    public RenderedEmail email(
            Milestone milestone, String orderId, String customerName, Locale locale, MessageFacts f) {
        return email(milestone.name(), locale, variables(orderId, customerName, locale, f));
    }

    /**
     * The email of any template: {@code email/<template>.subject.txt}, {@code email/<template>.txt} and
     * {@code email/<template>.html}, each inside its layout.
     */
    public RenderedEmail email(String template, Locale locale, Map<String, Object> variables) {
        Map<String, Object> v = new HashMap<>(variables);
        v.putIfAbsent("shop", shop.asVariables());
        v.putIfAbsent("fmt", formats(locale));
        String subject = oneLine(templates.render("email/" + template + ".subject.txt", locale, v));
        v.put("subject", subject);
        v.put("body", paragraphs(templates.render("email/" + template + ".txt", locale, v)));
        String text = tidy(templates.render("email/layout.txt", locale, v));
        v.put("body", templates.render("email/" + template + ".html", locale, v));
        String html = templates.render("email/layout.html", locale, v);
        return new RenderedEmail(subject, text, html);
    }

    /**
     * The SMS of a milestone, dates in the language's short form ("12/24/26", "24.12.26"): the shop's name first, the
     * link whole and last, in {@value #MAX_SMS_SEGMENTS} segments. When the full text does not fit, the template's compact form is used ({@code compact} true), then without the
     * order's reply code ({@code code} null), and if even that does not fit, its end is cut; the link never is.
     */
    public String sms(Milestone milestone, String orderId, String customerName, Locale locale, MessageFacts f) {
        Map<String, Object> v = withWords(
                MessageVariables.of(orderId, customerName, f, new Formats(locale, zone, FormatStyle.SHORT), shop),
                locale,
                f);
        if (v.get("product") instanceof String product && product.length() > SMS_PRODUCT_NAME) {
            v.put("product", SmsText.prefix(product, SMS_PRODUCT_NAME - SmsText.ELLIPSIS.length()) + SmsText.ELLIPSIS);
        }
        String name = "sms/" + milestone.name() + ".txt";
        String link = f.customerUrl();
        String text = SmsText.plain(templates.render(name, locale, v));
        if (SmsText.fits(text, link)) {
            return SmsText.withLink(text, link);
        }
        v.put("compact", true);
        text = SmsText.plain(templates.render(name, locale, v));
        if (!SmsText.fits(text, link)) {
            // The order's reply code matters only to a customer with several open orders: the link decides too.
            v.put("code", null);
            text = SmsText.plain(templates.render(name, locale, v));
        }
        return SmsText.fitted(text, link, SMS_KEEP);
    }

    /** A template's rendering with the given variables (the customer page's parts). */
    public String render(String template, Locale locale, Map<String, Object> variables) {
        Map<String, Object> v = new HashMap<>(variables);
        v.putIfAbsent("shop", shop.asVariables());
        v.putIfAbsent("fmt", formats(locale));
        return templates.render(template, locale, v);
    }

    /** One word of a bundle (a status's name on the page, say), English when the language lacks it. */
    public String word(Locale locale, String key, Object... parameters) {
        String words = bundles.message(locale, key, parameters);
        if (words == null) {
            throw new IllegalArgumentException("no message '" + key + "' in messages.properties");
        }
        return words;
    }

    /** One word of a bundle when some bundle of the language's chain has it (English included). */
    public Optional<String> wordIfAny(Locale locale, String key, Object... parameters) {
        return Optional.ofNullable(bundles.message(locale, key, parameters));
    }

    Map<String, Object> variables(String orderId, String customerName, Locale locale, MessageFacts f) {
        return withWords(MessageVariables.of(orderId, customerName, f, formats(locale), shop), locale, f);
    }

    /** What the variables need from the bundles: the choices as a list, and a reason Waitwell wrote, translated. */
    private Map<String, Object> withWords(Map<String, Object> v, Locale locale, MessageFacts f) {
        v.put("choicesText", choicesText(locale, f));
        String systemReason = SystemReasons.keyOf(f.reason());
        if (systemReason != null) {
            v.put("reason", word(locale, systemReason));
        }
        return v;
    }

    /** "wait, switch or cancel" in the customer's words. */
    private String choicesText(Locale locale, MessageFacts f) {
        List<String> words = f.choices() == null
                ? List.of()
                : f.choices().stream()
                        .map(c -> word(locale, "choice." + c.name()))
                        .toList();
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1))
                + word(locale, "list.or")
                + words.get(words.size() - 1);
    }

    /**
     * Checks every word of every bundle, and renders every milestone's email and SMS in every shipped language with
     * sample facts down each branch a template takes ({@link SampleFacts#branches}), and the fallback email: a broken
     * template, a broken word or a missing one fails here, at start-up.
     *
     * @throws BrokenTemplateException naming the file
     */
    public void validate() {
        for (Locale locale : MessageLocales.SHIPPED) {
            bundles.validate(locale);
            for (Milestone milestone : Milestone.values()) {
                for (MessageFacts facts : SampleFacts.branches(milestone)) {
                    email(milestone, SampleFacts.ORDER_ID, SampleFacts.CUSTOMER, locale, facts);
                    sms(milestone, SampleFacts.ORDER_ID, SampleFacts.CUSTOMER, locale, facts);
                }
                // A customer who gave no name is greeted without one.
                email(milestone, SampleFacts.ORDER_ID, null, locale, SampleFacts.full(milestone));
            }
            for (Map<String, Object> fallback : SampleFacts.smsFallbacks()) {
                email(SmsFallback.TEMPLATE, locale, fallback);
            }
        }
    }

    private static String oneLine(String rendered) {
        return rendered.replaceAll("\\s+", " ").strip();
    }

    /** A text body's lines, trimmed, without the empty ones its conditions leave: one paragraph a line. */
    private static String paragraphs(String rendered) {
        return String.join(
                "\n",
                rendered.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** At most one empty line in a row, none at the ends, a newline at the end. */
    private static String tidy(String rendered) {
        return rendered.lines()
                        .map(String::stripTrailing)
                        .reduce("", (text, line) -> {
                            if (line.isEmpty() && (text.isEmpty() || text.endsWith("\n\n"))) {
                                return text;
                            }
                            return text + line + "\n";
                        })
                        .strip()
                + "\n";
    }
}
