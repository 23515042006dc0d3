package io.crampcare.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Category (b): bodies that are not JSON, or not quite. Each starts from the endpoint's valid body text, so that the
 * only thing wrong is the syntax. A few are accepted by lenient parsers (a UTF-8 BOM, trailing content after the
 * document); their descriptions say so, and the test decides what it expects.
 */
final class SyntaxBreakers {

    private static final List<Variant<Random>> BREAKERS = List.of(
            new Variant<>("truncated", SyntaxBreakers::truncated),
            new Variant<>("trailing comma in the object", (d, r) -> text(d, replaceLast(valid(d), "}", ",}"))),
            new Variant<>("trailing comma in an array", (d, r) -> text(d, replaceLast(valid(d), "}", ",\"x\":[1,2,]}"))),
            new Variant<>("single quotes", (d, r) -> text(d, valid(d).replace('"', '\''))),
            new Variant<>("block comment", (d, r) -> text(d, "{/* a comment */" + valid(d).substring(1))),
            new Variant<>("line comment", (d, r) -> text(d, "{// a comment\n" + valid(d).substring(1))),
            new Variant<>("hash comment", (d, r) -> text(d, "{# a comment\n" + valid(d).substring(1))),
            new Variant<>("UTF-8 BOM before otherwise valid JSON (may be accepted)",
                    (d, r) -> d.bytes = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, validBytes(d))),
            new Variant<>("UTF-16 BOM before UTF-8 JSON",
                    (d, r) -> d.bytes = concat(new byte[] { (byte) 0xFE, (byte) 0xFF }, validBytes(d))),
            new Variant<>("NUL byte between tokens", (d, r) -> d.bytes = insert(validBytes(d), 1, new byte[] { 0 })),
            new Variant<>("NUL byte after the document", (d, r) -> d.bytes = concat(validBytes(d), new byte[] { 0 })),
            new Variant<>("NUL bytes only", (d, r) -> d.bytes = new byte[Rand.between(r, 1, 64)]),
            new Variant<>("plain text", (d, r) -> text(d, "I had a cramp in my left glute after squats")),
            new Variant<>("form-encoded text", (d, r) -> text(d, "severity=6&muscle=CALF&userId=" + d.targets.user())),
            new Variant<>("XML", (d, r) -> text(d, "<?xml version=\"1.0\"?><report><severity>6</severity></report>")),
            new Variant<>("empty body", (d, r) -> d.bytes = new byte[0]),
            new Variant<>("whitespace only", (d, r) -> text(d, " \n\t\r ")),
            new Variant<>("unquoted keys", (d, r) -> text(d, valid(d).replaceAll("\"([A-Za-z]+)\":", "$1:"))),
            new Variant<>("closing brace missing", (d, r) -> text(d, valid(d).substring(0, valid(d).length() - 1))),
            new Variant<>("extra closing brace (trailing token; may be accepted)", (d, r) -> text(d, valid(d) + "}")),
            new Variant<>("two documents concatenated (may be accepted)", (d, r) -> text(d, valid(d) + valid(d))),
            new Variant<>("garbage after the document (may be accepted)", (d, r) -> text(d, valid(d) + " xyz")),
            new Variant<>("raw newline inside a string", (d, r) -> text(d, replaceFirstQuoteValueRaw(valid(d), "line1\nline2"))),
            new Variant<>("Python literals", (d, r) -> text(d, replaceLast(valid(d), "}", ",\"x\":True,\"y\":None}"))),
            new Variant<>("leading zeros", (d, r) -> text(d, changed(valid(d), valid(d).replaceFirst(":(\\d+)", ":007"), ",\"x\":007"))),
            new Variant<>("hex number", (d, r) -> text(d, changed(valid(d), valid(d).replaceFirst(":(\\d+)", ":0x1F"), ",\"x\":0x1F"))),
            new Variant<>("top-level array", (d, r) -> text(d, "[" + valid(d) + "]")),
            new Variant<>("top-level string", (d, r) -> text(d, "\"" + valid(d).replace("\"", "\\\"") + "\"")),
            new Variant<>("top-level number", (d, r) -> text(d, "42")),
            new Variant<>("top-level true", (d, r) -> text(d, "true")),
            new Variant<>("invalid escape \\x41", (d, r) -> text(d, replaceFirstQuoteValueRaw(valid(d), "\\x41"))),
            new Variant<>("short unicode escape \\u12G4", (d, r) -> text(d, replaceFirstQuoteValueRaw(valid(d), "\\u12G4"))),
            new Variant<>("unterminated string", (d, r) -> text(d, "{\"" + d.endpoint.body.name().toLowerCase() + ": 1}")),
            new Variant<>("missing colon", (d, r) -> text(d, valid(d).replaceFirst("\":", "\" "))),
            new Variant<>("missing comma", (d, r) -> text(d, changed(valid(d), valid(d).replaceFirst(",\"", " \""), " \"x\":1"))),
            new Variant<>("key without value", (d, r) -> text(d, replaceLast(valid(d), "}", ",\"x\":}"))),
            new Variant<>("lone opening bracket", (d, r) -> text(d, Rand.pickOf(r, "{", "[", "\"", "{\"", "}", "]"))),
            new Variant<>("arrays opened and never closed",
                    (d, r) -> text(d, "[".repeat(Rand.between(r, 500, 5000)))),
            new Variant<>("objects opened and never closed",
                    (d, r) -> text(d, "{\"a\":".repeat(Rand.between(r, 500, 5000)))),
            new Variant<>("JSON5 (unquoted, single quotes, trailing comma)",
                    (d, r) -> text(d, "{userId: '" + d.targets.user() + "', severity: +6, notes: 'x',}")));

    private SyntaxBreakers() {
    }

    /** The breakers in rotation, each given the seeded Random. */
    static Variants<Random> variants(Random rnd) {
        return new Variants<>(BREAKERS, rnd, d -> rnd);
    }

    // ---- helpers over the valid body's text ------------------------------------------------------------------------

    private static String valid(Draft d) {
        return Json.text(d.json);
    }

    private static byte[] validBytes(Draft d) {
        return Json.bytes(d.json);
    }

    private static void text(Draft d, String text) {
        d.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** Cut somewhere inside: after the first byte, before the last. */
    private static void truncated(Draft d, Random rnd) {
        byte[] full = validBytes(d);
        int cut = Rand.between(rnd, 1, full.length - 2);
        d.bytes = java.util.Arrays.copyOf(full, cut);
        d.note("cut at byte " + cut + " of " + full.length);
    }

    /** The edit, or, where it found nothing to edit (the ack body has no number), a member appended that breaks. */
    private static String changed(String original, String edited, String brokenMember) {
        return !edited.equals(original) ? edited : replaceLast(original, "}", brokenMember + "}");
    }

    private static String replaceLast(String s, String target, String replacement) {
        int at = s.lastIndexOf(target);
        return s.substring(0, at) + replacement + s.substring(at + target.length());
    }

    /** The first string value ("key":"value") replaced by raw text, unescaped; or a member added that holds it. */
    private static String replaceFirstQuoteValueRaw(String json, String raw) {
        int at = json.indexOf("\":\"");
        if (at < 0) {
            return replaceLast(json, "}", ",\"x\":\"" + raw + "\"}");
        }
        int start = at + 3;
        int end = json.indexOf('"', start);
        return json.substring(0, start) + raw + json.substring(end);
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] into, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(into.length + what.length);
        out.write(into, 0, at);
        out.writeBytes(what);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }
}
