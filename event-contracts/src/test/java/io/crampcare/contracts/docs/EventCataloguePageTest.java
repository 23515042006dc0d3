package io.crampcare.contracts.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.crampcare.contracts.ContractResources;
import io.crampcare.contracts.JsonSchemas;
import io.crampcare.contracts.Topics;

/**
 * The event catalogue page must show every channel and every payload field of the contract, so it cannot
 * drift from asyncapi.yaml and the schemas. The page is parsed as XML (the generator writes well-formed
 * markup) and compared with the contract read independently here.
 */
class EventCataloguePageTest {

    static final JsonNode ASYNCAPI = ContractResources.readTree("asyncapi.yaml", new ObjectMapper(new YAMLFactory()));
    static final String PAGE = DocsGenerator.eventsPage();
    static final Document DOM = parse(PAGE);
    static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void theBuildPackagedTheCurrentPages() throws IOException {
        // process-classes writes them; a stale or missing copy means the exec-maven-plugin wiring broke.
        assertEquals(PAGE, classpathText("META-INF/resources/docs/events.html"));
        assertEquals(DocsGenerator.indexPage(), classpathText("META-INF/resources/docs/index.html"));
    }

    @Test
    void everyChannelHasASectionAndAContentsEntry() {
        ASYNCAPI.path("channels").fields().forEachRemaining(channel -> {
            String address = channel.getValue().path("address").asText();
            assertEquals(1, count("//*[@data-topic='" + address + "']"), "one section for topic " + address);
            assertEquals(1, count("//nav//a[@href='#" + channel.getKey() + "']"), "contents link to " + address);
            if (Topics.WITH_DEAD_LETTERS.contains(address)) {
                assertEquals(1, count("//section[@data-topic='" + address + "']//*[@data-topic='" + address + ".dlq']"),
                        address + " shows its dead-letter twin");
            } else if (!address.endsWith(".dlq")) {
                assertEquals(0, count("//*[@data-topic='" + address + ".dlq']"), address + " has no dead-letter twin");
            }
        });
    }

    @Test
    void everyPayloadFieldIsInItsTopicsTable() {
        forEachTopicMessage((address, message) -> {
            // A sealed record value: the fields are those of the plaintext, whose schema x-sealed-payload names; the
            // erasure's value is its payload.
            assertEquals(!Topics.ERASURES.equals(address), sealed(message), address + ": the payload is sealed");
            JsonNode schema = JsonSchemas.readJson(file(message.path(sealed(message) ? "x-sealed-payload" : "payload")));
            String block = messageBlock(address, message);
            assertSchemaFields(schema, block + "//table[@data-kind='field']", address);
            assertEquals(schema.has("if"), text(block).contains("Rule: when"), address + ": the schema's if/then rule, in words");
        });
    }

    @Test
    void theSealedEnvelopeIsShownOnceAndEveryMessageLinksToIt() {
        forEachTopicMessage((address, message) -> {
            if (!sealed(message)) {
                String block = messageBlock(address, message);
                assertEquals(0, count(block + "//a[starts-with(@href, '#envelope-')]"), address + ": no envelope");
                assertTrue(text(block).contains(file(message.path("payload"))), address + " names its payload schema");
                return;
            }
            String envelope = file(message.path("payload"));
            String section = "//*[@data-envelope='" + envelope + "']";
            assertEquals(1, count(section), address + ": one section for the envelope " + envelope);
            assertSchemaFields(JsonSchemas.readJson(envelope), section + "//table[@data-kind='envelope']", envelope);
            String block = messageBlock(address, message);
            assertEquals(1, count(block + "//a[@href='#" + text(section + "/@id") + "']"), address + " links to " + envelope);
            assertTrue(text(block).contains(file(message.path("x-sealed-payload"))), address + " names its payload schema");
            assertTrue(normalize(text(block)).contains(normalize(message.path("description").asText().replace("`", ""))),
                    address + " shows the message's description");
        });
    }

    @Test
    void everyExampleShowsTheSealedRecordAndWhatOpensFromIt() {
        forEachTopicMessage((address, message) -> {
            List<JsonNode> shown = new ArrayList<>();
            NodeList code = nodes(messageBlock(address, message) + "//pre/code");
            for (int i = 0; i < code.getLength(); i++) {
                shown.add(JsonSchemas.parse(code.item(i).getTextContent()));
            }
            message.path("examples").forEach(example -> {
                String name = example.path("name").asText();
                assertTrue(shown.contains(example.path("headers")), address + " " + name + ": headers");
                assertTrue(shown.contains(example.path("payload")), address + " " + name + ": the sealed record value");
                if (!sealed(message)) {
                    return; // the erasure: its value is the payload itself
                }
                JsonNode opened = message.path("x-opened-examples").path(name);
                assertFalse(opened.isMissingNode(), address + " " + name + " has an opened payload");
                assertTrue(shown.contains(opened), address + " " + name + ": the payload it opens to");
            });
        });
    }

    @Test
    void everyMessageShowsItsHeadersTypeConsumersAndExamples() {
        JsonNode ceHeaders = ASYNCAPI.at("/components/schemas/CloudEventsKafkaHeaders/properties");
        forEachTopicMessage((address, message) -> {
            String section = messageBlock(address, message);
            ceHeaders.fieldNames().forEachRemaining(header -> assertEquals(1,
                    count(section + "//table[@data-kind='header']//tr[@data-field='" + header + "']"), address + " header " + header));
            String ceType = message.at("/headers/allOf/1/properties/ce_type/const").asText();
            assertFalse(ceType.isEmpty());
            assertTrue(text(section).contains(ceType), address + " shows ce_type " + ceType);
            message.path("examples").forEach(example -> assertTrue(text(section).contains("Example: " + example.path("name").asText())));
        });
        ASYNCAPI.path("operations").fields().forEachRemaining(op -> {
            if (op.getValue().path("action").asText().equals("receive")) {
                String channel = op.getValue().at("/channel/$ref").asText().substring("#/channels/".length());
                String section = text("//section[@id='" + channel + "']");
                assertTrue(section.contains(op.getKey()), channel + " names consumer operation " + op.getKey());
                assertTrue(section.contains(op.getValue().at("/bindings/kafka/groupId/const").asText()), op.getKey() + " group");
            }
        });
    }

    @Test
    void pagesAreSelfContained() {
        for (String page : List.of(PAGE, DocsGenerator.indexPage())) {
            parse(page); // well-formed
            for (String external : List.of("<script", "<link", "src=", "@import", "url(")) {
                assertFalse(page.contains(external), "no external resources: " + external);
            }
        }
        for (String href : List.of("events.html", "rules.html", "/q/swagger-ui/", "/q/openapi")) {
            assertTrue(DocsGenerator.indexPage().contains("href=\"" + href + "\""), "index links to " + href);
        }
    }

    @Test
    void contractTextIsEscapedAndOnlyBackticksBecomeCode() throws IOException {
        String hostile = "<script>alert('x')</script> & \"q\"";
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree("""
                asyncapi: 3.0.0
                info:
                  title: "%1$s"
                  version: "1"
                  description: "`<b>` is code, %1$s is text"
                channels:
                  hostile:
                    address: "a<b>"
                    title: "%1$s"
                """.formatted(hostile.replace("\"", "\\\"")));
        String page = DocsTemplates.render(DocsTemplates.ROOT + "event-catalogue.html", "catalogue",
                new EventCatalogueReader(doc, file -> { throw new AssertionError(file); }).read());
        parse(page); // still well-formed
        assertFalse(page.contains("<script>"), "no markup from the contract");
        assertTrue(page.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</title>"), page);
        assertTrue(page.contains("<p><code>&lt;b&gt;</code> is code, &lt;script&gt;"), "backticks are the only markup");
        assertTrue(page.contains("data-topic=\"a&lt;b&gt;\""), "attributes escaped");
    }

    // --- helpers

    /** The table at {@code table} has one row per property of {@code schema}, with its description and values. */
    private static void assertSchemaFields(JsonNode schema, String table, String what) {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        collectProperties(schema, "", properties);
        assertEquals(properties.size(), count(table + "//tr[@data-field]"), what + ": one row per schema property");
        for (Map.Entry<String, JsonNode> property : properties) {
            String path = property.getKey();
            String row = text(table + "//tr[@data-field='" + path + "']");
            assertFalse(row.isEmpty(), what + ": row for " + path);
            String description = property.getValue().path("description").asText();
            assertTrue(normalize(row).contains(normalize(description)), what + " " + path + " shows its description");
            JsonNode values = property.getValue().has("enum") ? property.getValue().path("enum") : property.getValue().path("items").path("enum");
            values.forEach(v -> assertTrue(row.contains(v.isNull() ? "null" : v.asText()), what + " " + path + " lists " + v));
        }
    }

    /** Whether the message's record value seals its payload (all but the erasure's). */
    private static boolean sealed(JsonNode message) {
        return message.has("x-sealed-payload");
    }

    /** The schema file a {@code $ref} of asyncapi.yaml names, as a classpath resource. */
    private static String file(JsonNode ref) {
        return ref.path("$ref").asText().replaceFirst("^\\./", "");
    }

    private interface MessageCheck {
        void check(String address, JsonNode message);
    }

    /** Every message of every topic that is not a dead-letter twin (those repeat their topic's message). */
    private static void forEachTopicMessage(MessageCheck check) {
        ASYNCAPI.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            if (!address.endsWith(".dlq")) {
                channel.path("messages").forEach(ref -> check.check(address,
                        ASYNCAPI.at(ref.path("$ref").asText().substring(1))));
            }
        });
    }

    /** The page's block for one message of a topic (a topic may carry several). */
    private static String messageBlock(String address, JsonNode message) {
        String block = "//section[@data-topic='" + address + "']//*[@data-message='" + message.path("name").asText() + "']";
        assertEquals(1, count(block), address + ": one block for message " + message.path("name").asText());
        return block;
    }

    /** Every property at any depth by its path (a.b, list[].c), except inside if/then/else (rules, not fields). */
    private static void collectProperties(JsonNode node, String path, List<Map.Entry<String, JsonNode>> into) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("properties")) {
                field.getValue().fields().forEachRemaining(p -> {
                    String child = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
                    into.add(Map.entry(child, p.getValue()));
                    collectProperties(p.getValue(), child, into);
                });
            } else if (field.getValue().isObject() && !Set.of("if", "then", "else").contains(field.getKey())) {
                collectProperties(field.getValue(), field.getKey().equals("items") ? path + "[]" : path, into);
            }
        });
    }

    private static int count(String xpath) {
        return nodes(xpath).getLength();
    }

    private static NodeList nodes(String xpath) {
        try {
            return (NodeList) XPATH.evaluate(xpath, DOM, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    private static String text(String xpath) {
        try {
            return XPATH.evaluate(xpath, DOM);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static Document parse(String html) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed markup: " + e.getMessage(), e);
        }
    }

    private static String classpathText(String resource) throws IOException {
        try (InputStream in = EventCataloguePageTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " must be on the classpath (generated in process-classes)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
