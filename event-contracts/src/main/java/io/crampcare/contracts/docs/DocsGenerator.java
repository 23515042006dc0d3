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
        return new EventCataloguePage(ContractResources.readTree(ASYNCAPI, new ObjectMapper(new YAMLFactory())),
                file -> ContractResources.readTree(file, json)).render();
    }

    /** The landing page. Links are root-relative so they stay on whichever service serves the page. */
    public static String indexPage() {
        String body = """
                <h1>CrampCare API docs</h1>
                <p>Every CrampCare service (intake, advice, reminder) serves these pages. The REST links below
                go to the service this page came from; the event catalogue is the same on each.</p>
                <h2 id="rest">REST API of this service</h2>
                <ul>
                <li><a href="/q/swagger-ui/">Swagger UI</a>: every operation, its parameters, bodies and problems; try it with a bearer token.</li>
                <li><a href="/q/openapi">OpenAPI document (YAML)</a>, <a href="/q/openapi?format=json">as JSON</a>.</li>
                <li><a href="/q/health">Health</a> (open, no token needed).</li>
                </ul>
                <p>Swagger UI and the OpenAPI document are served where the operator switched them on
                (CRAMPCARE_API_DOCS_ENABLED; the local stack does), and answer 404 elsewhere.</p>
                <h2 id="events">Events on Kafka</h2>
                <ul>
                <li><a href="events.html">Event catalogue</a>: every topic with its producer, consumers, CloudEvents
                type, headers, payload fields, examples and dead-letter twin, generated from the AsyncAPI document.</li>
                </ul>
                <h2 id="rules">Advice rules</h2>
                <ul>
                <li><a href="rules.html">Advice rules for clinicians</a>: the ruleset in force, every rule's condition,
                urgency, text and source. Served by the advice service (from other services this link answers 404).</li>
                </ul>
                """;
        return Html.page("CrampCare API docs", body);
    }
}
