package io.crampcare.contracts.docs;

import java.util.List;

/**
 * What the event catalogue page shows, read from the contract by {@link EventCatalogueReader} and rendered by the
 * template docs-templates/event-catalogue.html. Texts are unescaped; descriptions are {@link Span}s. A component that
 * may be absent is null.
 *
 * @param title              the AsyncAPI document's title
 * @param asyncapi           the AsyncAPI version it is written in
 * @param version            the document's version
 * @param description        the document's description
 * @param servers            the brokers it names
 * @param defaultContentType of every message that names none
 * @param headerSchemas      the shared header schemas (components.schemas), e.g. the CloudEvents headers
 * @param envelopes          the schemas of record values that seal a payload (each once, however many messages use it)
 * @param topics             every channel but the dead-letter twins, which are shown inside their topic
 */
public record EventCatalogue(String title, String asyncapi, String version, List<List<Span>> description,
        List<Server> servers, String defaultContentType, List<HeaderSchema> headerSchemas, List<Envelope> envelopes,
        List<Topic> topics) {

    public record Server(String name, String protocol, String host, List<Span> description) {
    }

    public record HeaderSchema(String name, List<Field> fields) {
    }

    /**
     * A record value that carries a message's payload sealed: the message's {@code payload} when it also names the
     * plaintext's schema in {@code x-sealed-payload}.
     *
     * @param id     the section's anchor
     * @param schema the envelope schema's file
     */
    public record Envelope(String id, String schema, String title, List<List<Span>> description, List<Field> fields) {
    }

    /**
     * @param id          the channel's id, the section's anchor
     * @param partitions  empty when the contract does not say
     * @param deadLetters the dead-letter twin, or null
     */
    public record Topic(String id, String address, String title, String partitions, List<List<Span>> description,
            List<Message> messages, List<Consumer> consumers, DeadLetters deadLetters) {
    }

    /**
     * @param service       the producing service, from the ce_source header's constant
     * @param source        the ce_source header's constant
     * @param description   the message's description
     * @param key           the Kafka key, or null when not described
     * @param payloadSchema the payload schema's file: of the plaintext, when the record value seals it
     * @param envelope      the record value that seals the payload, or null when the value is the payload itself
     * @param correlation   the correlation id, or null
     * @param rule          the payload schema's if/then rule, or null
     */
    public record Message(String name, String title, List<Span> summary, List<List<Span>> description,
            String ceType, String contentType, String payloadSchema, Envelope envelope, Key key, String service, String source, List<Producer> producers,
            Correlation correlation, List<Field> headers, String payloadTitle, List<List<Span>> payloadDescription,
            List<Field> fields, Rule rule, List<Example> examples) {
    }

    /** @param constraints the key schema's rules in words */
    public record Key(String type, List<Span> description, String constraints) {
    }

    public record Producer(List<Span> summary, List<Span> description) {
    }

    public record Consumer(String group, String operation, List<Span> summary) {
    }

    public record Correlation(String location, List<Span> description) {
    }

    /**
     * One property of a schema at any depth.
     *
     * @param path        dotted: a.b, list[].c
     * @param type        in words, e.g. "string (uuid)", "integer or null"
     * @param values      the enum's values
     * @param constraints the validation keywords in words, joined by "; "
     */
    public record Field(String path, String type, boolean required, List<Span> description, List<String> values,
            String constraints) {
    }

    /** A schema-level if/then rule: when {@code when}, {@code then}. */
    public record Rule(List<Span> when, List<Span> then) {
    }

    /**
     * @param headers and {@code payload} as pretty-printed JSON: the record as it travels
     * @param opened  the payload that opens from a sealed {@code payload}, pretty-printed, or null
     */
    public record Example(String name, List<List<Span>> summary, String headers, String payload, String opened) {
    }

    /** @param messages the names of the messages it carries */
    public record DeadLetters(String id, String address, String partitions, List<String> messages,
            List<List<Span>> description) {
    }
}
