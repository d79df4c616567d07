package dev.waitwell.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The template files and the engine that renders them. A template is named as a path ({@code email/CONFIRMED.html});
 * the file used is the first of: the shop's file for the language ({@code WAITWELL_TEMPLATES_DIR/de/email/...}), the
 * shop's file for every language, the built-in one. {@code .html} files are HTML, escaped unless a template says
 * otherwise; everything else is text.
 */
final class MessageTemplates {

    private final Path overrides;
    /** The shop's files, listed once: one added while the application runs is not used unchecked. */
    private final Set<Path> overrideFiles;

    private final TemplateEngine engine = new TemplateEngine();

    /**
     * Whether each built-in file asked for exists, looked up once: a class-path lookup searches every jar of the
     * application (a hundred and more in the worker's), three times for every email.
     */
    private final Map<String, Boolean> builtIns = new ConcurrentHashMap<>();

    MessageTemplates(Path overrides, MessageBundles bundles) {
        this.overrides = overrides;
        this.overrideFiles = overrides == null ? Set.of() : filesIn(overrides);
        FileTemplateResolver files = configure(new FileTemplateResolver(), 1);
        files.setResolvablePatterns(Set.of("/*"));
        ClassLoaderTemplateResolver builtIn = configure(new ClassLoaderTemplateResolver(), 2);
        builtIn.setResolvablePatterns(Set.of(MessageBundles.BUILT_IN + "*"));
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(builtIn);
        engine.setMessageResolver(bundles);
    }

    private static <T extends AbstractConfigurableTemplateResolver> T configure(T resolver, int order) {
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.getHtmlTemplateModePatternSpec().addPattern("*.html");
        resolver.setCacheable(true);
        return resolver;
    }

    /**
     * @throws BrokenTemplateException naming the file, and where the engine can tell, the line
     */
    String render(String name, Locale locale, Map<String, Object> variables) {
        String file = resolve(name, locale);
        try {
            return engine.process(file, new Context(locale, variables));
        } catch (TemplateEngineException | IllegalStateException e) {
            throw new BrokenTemplateException("template " + file, e);
        }
    }

    private static Set<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.toAbsolutePath().normalize())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list WAITWELL_TEMPLATES_DIR " + dir, e);
        }
    }

    /** The file that renders {@code name} in {@code locale}: the path the engine is handed. */
    String resolve(String name, Locale locale) {
        if (overrides != null) {
            for (Path candidate :
                    List.of(overrides.resolve(locale.getLanguage()).resolve(name), overrides.resolve(name))) {
                Path file = candidate.toAbsolutePath().normalize();
                if (overrideFiles.contains(file)) {
                    return file.toString();
                }
            }
        }
        String builtIn = MessageBundles.BUILT_IN + name;
        if (!builtIns.computeIfAbsent(builtIn, MessageTemplates::onClassPath)) {
            throw new IllegalArgumentException("no template " + name);
        }
        return builtIn;
    }

    private static boolean onClassPath(String resource) {
        return MessageTemplates.class.getClassLoader().getResource(resource) != null;
    }
}
