package dev.waitwell.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The words of every template, per language: {@code messages_de.properties}, {@code page_de.properties} and the like (UTF-8, MessageFormat
 * patterns, so a literal apostrophe is written twice). A key is looked up in the shop's bundle for the language,
 * the built-in one, then the shop's English and the built-in English: a word missing in a language is said in
 * English, and a key missing everywhere fails the rendering (at start-up, where every template is tried), never
 * shows its name to a customer.
 */
final class MessageBundles implements IMessageResolver {

    static final String BUILT_IN = "waitwell/templates/";

    /** The bundles, each in every language: the messages', the customer page's and the answers to texts'. */
    private static final List<String> BASE_NAMES = List.of("messages", "page", "replies");

    private final Path overrides;
    private final Map<String, List<Bundle>> byLanguage = new ConcurrentHashMap<>();

    /** One bundle file's words, and where they came from (for the start-up check's words). */
    private record Bundle(String source, Properties words) {}

    MessageBundles(Path overrides) {
        this.overrides = overrides;
    }

    @Override
    public String getName() {
        return "waitwell";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return message(context.getLocale(), key, messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        throw new IllegalStateException("no message '" + key + "' in messages.properties (nor in "
                + context.getLocale().getLanguage() + "): every key needs at least its English words");
    }

    /** The key's words in {@code locale}, English when the language lacks them, null when no bundle has them. */
    String message(Locale locale, String key, Object... parameters) {
        for (Bundle bundle : bundles(locale.getLanguage())) {
            String pattern = bundle.words().getProperty(key);
            if (pattern != null) {
                return new MessageFormat(pattern, locale).format(parameters == null ? new Object[0] : parameters);
            }
        }
        return null;
    }

    /**
     * Every pattern of every bundle a language reads is a valid MessageFormat: a shop's {@code {0} Tage'} fails the
     * start, naming its file and key, not a send.
     *
     * @throws BrokenTemplateException naming the bundle and the key
     */
    void validate(Locale locale) {
        for (Bundle bundle : bundles(locale.getLanguage())) {
            for (String key : bundle.words().stringPropertyNames()) {
                try {
                    new MessageFormat(bundle.words().getProperty(key), locale);
                } catch (IllegalArgumentException e) {
                    throw new BrokenTemplateException("bundle " + bundle.source() + " (key " + key + ")", e);
                }
            }
        }
    }

    private List<Bundle> bundles(String language) {
        return byLanguage.computeIfAbsent(language, lang -> {
            List<Bundle> chain = new ArrayList<>();
            if (!lang.equals("en")) {
                for (String base : BASE_NAMES) {
                    addOverride(chain, base + "_" + lang + ".properties");
                    addBuiltIn(chain, base + "_" + lang + ".properties");
                }
            }
            for (String base : BASE_NAMES) {
                addOverride(chain, base + ".properties");
                addBuiltIn(chain, base + ".properties");
            }
            return List.copyOf(chain);
        });
    }

    private void addOverride(List<Bundle> chain, String name) {
        if (overrides == null) {
            return;
        }
        Path file = overrides.resolve(name);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                chain.add(new Bundle(file.toString(), load(in)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot read the message bundle " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void addBuiltIn(List<Bundle> chain, String name) {
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            if (in != null) {
                chain.add(new Bundle("built-in " + name, load(in)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
