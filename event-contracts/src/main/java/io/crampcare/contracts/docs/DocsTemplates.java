package io.crampcare.contracts.docs;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.UserTagSectionHelper;
import io.quarkus.qute.Variant;

/**
 * The Qute templates of the docs pages, under {@value #ROOT} on the classpath: the page shell every docs page shares
 * (page.html, also the advice service's rules page), the event catalogue, the landing page and the tags they use.
 * Rendered at build time by a standalone Qute engine that escapes every value for HTML, as Quarkus does for .html
 * templates; only the templates write markup.
 */
public final class DocsTemplates {

    /** Where the templates sit on the classpath; a template's id is its path, with or without ".html". */
    public static final String ROOT = "docs-templates/";

    /** Built on first use: a service that only {@link #locate}s the templates (the advice service) never builds it. */
    private static final class Standalone {

        static final Engine ENGINE = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(DocsTemplates::locate)
                .addSectionHelper(new UserTagSectionHelper.Factory("rich", ROOT + "tags/rich.html"))
                .addSectionHelper(new UserTagSectionHelper.Factory("paragraphs", ROOT + "tags/paragraphs.html"))
                .addSectionHelper(new UserTagSectionHelper.Factory("fields", ROOT + "tags/fields.html"))
                .build();
    }

    private DocsTemplates() {
    }

    /** Renders the template at {@code id} (a classpath path) with one data object under {@code name}. */
    public static String render(String id, String name, Object data) {
        return Standalone.ENGINE.getTemplate(id).data(name, data).render();
    }

    /** Renders the template at {@code id} (a classpath path) without data. */
    public static String render(String id) {
        return Standalone.ENGINE.getTemplate(id).render();
    }

    /** Finds an HTML template on the classpath by its path, with or without ".html". */
    public static Optional<TemplateLocation> locate(String id) {
        ClassLoader loader = DocsTemplates.class.getClassLoader();
        URL url = loader.getResource(id);
        if (url == null && !id.endsWith(".html")) {
            url = loader.getResource(id + ".html");
        }
        return Optional.ofNullable(url).map(HtmlResource::new);
    }

    private record HtmlResource(URL url) implements TemplateLocation {

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<Variant> getVariant() {
            return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
        }

        @Override
        public Optional<URI> getSource() {
            try {
                return Optional.of(url.toURI());
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
    }
}
