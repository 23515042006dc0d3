package io.crampcare.system.fuzz;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Random;

/**
 * Category (c): a valid body under a missing, wrong or odd Content-Type; plus the neighbours that decide how a body is
 * read or answered (Content-Encoding, Accept). Charset parameters matter because a reader that honours them may look
 * up a charset that does not exist, which is an exception of its own.
 */
final class ContentTypes {

    private static Variant<Random> type(String value, String name) {
        return new Variant<>("Content-Type " + name, (d, r) -> d.headers.put(Draft.CONTENT_TYPE, value));
    }

    private static final List<Variant<Random>> VARIANTS = List.of(
            new Variant<>("Content-Type missing", (d, r) -> d.headers.remove(Draft.CONTENT_TYPE)),
            type("", "empty"),
            type("text/plain", "text/plain"),
            type("application/xml", "application/xml"),
            type("application/x-www-form-urlencoded", "form-urlencoded"),
            type("multipart/form-data; boundary=fuzz", "multipart/form-data"),
            type("multipart/form-data", "multipart without a boundary"),
            type("application/octet-stream", "octet-stream"),
            type("text/json", "text/json"),
            type("application/problem+json", "application/problem+json"),
            type("application/merge-patch+json", "merge-patch+json"),
            type("application/json-seq", "application/json-seq"),
            type("*/*", "*/*"),
            type("application/*", "application/*"),
            type("application", "without a subtype"),
            type("json", "json alone"),
            type("application/ json", "with a space after the slash"),
            type("application/json garbage", "followed by garbage"),
            type("APPLICATION/JSON", "upper case (media types are case-insensitive; should be accepted)"),
            type("application/json; charset=x-bogus-charset", "with an unknown charset"),
            type("application/json; charset=", "with an empty charset"),
            type("application/json; charset=\"", "with an unterminated quoted charset"),
            type("application/json; charset=\"utf-8\"", "with a quoted charset (valid)"),
            type("application/json;;;", "with empty parameters"),
            type("application/json; =utf-8", "with a parameter without a name"),
            type("application/json; charset=utf-8; charset=iso-8859-1", "with two charsets"),
            type("application/json; charset=iso-8859-1", "with charset ISO-8859-1 over a UTF-8 body"),
            type("application/json; charset=utf-16", "with charset UTF-16 over a UTF-8 body"),
            type("application/json; charset=utf-7", "with charset UTF-7"),
            type("application/json; charset=ebcdic-cp-us", "with an EBCDIC charset"),
            type("application/json; q=0.5", "with a q parameter"),
            type("application/json, text/plain", "as a list"),
            type("application/json; boundary=" + "b".repeat(2000), "with a 2000-character parameter"),
            new Variant<>("Content-Type UTF-16BE, body really UTF-16BE", (d, r) -> reencode(d, "UTF-16BE")),
            new Variant<>("Content-Type UTF-32LE, body really UTF-32LE", (d, r) -> reencode(d, "UTF-32LE")),
            new Variant<>("Content-Type says UTF-8, body is UTF-16LE", (d, r) -> {
                d.bytes = Json.text(d.json).getBytes(Charset.forName("UTF-16LE"));
                d.headers.put(Draft.CONTENT_TYPE, "application/json; charset=utf-8");
            }),
            new Variant<>("Content-Encoding gzip on a plain body",
                    (d, r) -> d.headers.put("Content-Encoding", "gzip")),
            new Variant<>("Content-Encoding deflate on random bytes", (d, r) -> {
                d.headers.put("Content-Encoding", "deflate");
                d.bytes = Rand.bytes(r, Rand.between(r, 16, 512));
            }),
            new Variant<>("Content-Encoding unknown", (d, r) -> d.headers.put("Content-Encoding", "x-fuzz")),
            new Variant<>("Accept application/xml (only JSON is produced)",
                    (d, r) -> d.headers.put("Accept", "application/xml")),
            new Variant<>("Accept text/html, JSON excluded",
                    (d, r) -> d.headers.put("Accept", "text/html, application/json;q=0")),
            type("application\\json", "with a backslash for the slash"),
            new Variant<>("Accept malformed", (d, r) -> d.headers.put("Accept", "garbage/;;q=x")),
            // Once made RESTEasy Reactive's media type parser throw StringIndexOutOfBoundsException (quarkus#36159).
            new Variant<>("Accept 'x; /x'", (d, r) -> d.headers.put("Accept", "x; /x")));

    private ContentTypes() {
    }

    /** The content-type variants in rotation, each given the seeded Random. */
    static Variants<Random> variants(Random rnd) {
        return new Variants<>(VARIANTS, rnd, d -> rnd);
    }

    /** A body honestly in another charset, declared as such: a server may accept it or say 415, not fail. */
    private static void reencode(Draft d, String charset) {
        d.bytes = Json.text(d.json).getBytes(Charset.forName(charset));
        d.headers.put(Draft.CONTENT_TYPE, "application/json; charset=" + charset);
    }
}
