package io.crampcare.contracts.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.crampcare.contracts.ContractResources;

/**
 * Writes the docs pages every service serves: {@code events.html} (the event catalogue) and
 * {@code index.html} (links to it and to the service's own OpenAPI and Swagger UI).
 *
 * <p>The build runs it in process-classes with the output directory
 * {@code target/classes/META-INF/resources/docs}; Quarkus serves META-INF/resources of dependency jars,
 * so each service answers {@code /docs/index.html} and {@code /docs/events.html}.
 * The contract is read from the classpath, exactly as the jar ships it.
 */
public final class DocsGenerator {

    static final String ASYNCAPI = "asyncapi.yaml";

    private DocsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DocsGenerator OUTPUT_DIR");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve("events.html"), eventsPage(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), indexPage(), StandardCharsets.UTF_8);
        System.out.println("docs pages written to " + dir);
    }

    /** The event catalogue from the asyncapi.yaml and schemas on the classpath. */
    public static String eventsPage() {
        ObjectMapper json = new ObjectMapper();
        // Files the document refers to are relative to it, and it sits at the classpath root.
        EventCatalogue catalogue = new EventCatalogueReader(
                ContractResources.readTree(ASYNCAPI, new ObjectMapper(new YAMLFactory())),
                file -> ContractResources.readTree(file, json)).read();
        return DocsTemplates.render(DocsTemplates.ROOT + "event-catalogue.html", "catalogue", catalogue);
    }

    /** The landing page. Its links are root-relative so they stay on whichever service serves the page. */
    public static String indexPage() {
        return DocsTemplates.render(DocsTemplates.ROOT + "index.html");
    }
}
