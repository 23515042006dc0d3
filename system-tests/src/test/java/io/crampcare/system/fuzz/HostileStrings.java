package io.crampcare.system.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The corpora: strings known to break parsers, databases, logs and templates. Each has a short ASCII name, because
 * descriptions end up in assertion messages and logs, where the string itself (an RTL override, a NUL) would garble
 * what is printed.
 */
final class HostileStrings {

    private HostileStrings() {
    }

    record Sample(String name, String value) {
    }

    private static Sample s(String name, String value) {
        return new Sample(name, value);
    }

    /** Unicode that renders oddly, normalizes differently or cannot be encoded at all. */
    static final List<Sample> UNICODE = List.of(
            s("RTL override U+202E", "\u202Eevil.exe\u202C"),
            s("RTL/LTR marks", "\u200Fabc\u200E"),
            s("zero-width joiners", "a\u200Db\u200Dc"),
            s("zero-width space", "\u200B"),
            s("zero-width no-break space U+FEFF", "\uFEFFx"),
            s("emoji (leg, droplet)", "\uD83E\uDDB5\uD83D\uDCA7"),
            s("emoji ZWJ sequence", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"),
            s("lone high surrogate \\ud800", "\uD800"),
            s("lone low surrogate \\udfff", "\uDFFF"),
            s("high surrogate before a letter", "x\uDBFFy"),
            s("reversed surrogate pair", "\uDC00\uD800"),
            s("noncharacters U+FFFE U+FFFF", "\uFFFE\uFFFF"),
            s("U+10FFFF", "\uDBFF\uDFFF"),
            s("stacked combining marks", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301"),
            s("Cyrillic homoglyphs", "\u0430dmin"),
            s("no-break and ideographic spaces", "\u00A0\u3000"),
            s("line and paragraph separators", "a\u2028b\u2029c"),
            s("longest ligature U+FDFA", "\uFDFA\uFDFA"),
            s("fullwidth digits", "\uFF11\uFF12"));

    /** Control characters: fine in JSON as escapes, not fine in PostgreSQL text (NUL) or terminals (ESC). */
    static final List<Sample> CONTROL = List.of(
            s("NUL", "\u0000"),
            s("NUL inside text", "abc\u0000def"),
            s("BEL", "\u0007"),
            s("backspace and form feed", "\b\f"),
            s("ANSI escape", "\u001B[31mred\u001B[0m"),
            s("CRLF and a fake header", "line1\r\nX-Injected: 1"),
            s("DEL", "\u007F"),
            s("C1 NEL", "\u0085"),
            s("unit separator", "\u001F"),
            s("vertical tab", "\u000B"));

    /** SQL, HTML, script, template and lookup injection. */
    static final List<Sample> INJECTION = List.of(
            s("SQL tautology", "' OR '1'='1' --"),
            s("SQL drop table", "'; DROP TABLE cramp_report; --"),
            s("SQL sleep", "1; SELECT pg_sleep(10); --"),
            s("SQL double-quote tautology", "\" OR \"\"=\""),
            s("script tag", "<script>alert(1)</script>"),
            s("img onerror", "<img src=x onerror=alert(document.cookie)>"),
            s("svg onload breaking out of an attribute", "\"><svg/onload=alert(1)>"),
            s("javascript: URL", "javascript:alert(1)"),
            s("JNDI lookup", "${jndi:ldap://127.0.0.1:1389/a}"),
            s("template expressions", "{{7*7}}${7*7}#{7*7}<%= 7*7 %>"),
            s("shell substitution", "$(id)`id`"),
            s("NoSQL operator", "{\"$gt\":\"\"}"),
            s("JSON breaking out of a string", "\",\"admin\":true,\"x\":\""),
            s("XML external entity", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
            s("SSI exec", "<!--#exec cmd=\"/bin/ls\"-->"),
            s("HQL/JPQL fragment", "x' or 1=1 or userId='"));

    /** Path traversal, raw and pre-encoded (some servers decode twice). */
    static final List<Sample> TRAVERSAL = List.of(
            s("../ to /etc/passwd", "../../../../etc/passwd"),
            s("backslash traversal", "..\\..\\..\\windows\\win.ini"),
            s("pre-encoded ../", "..%2f..%2f..%2fetc%2fpasswd"),
            s("double-encoded ../", "..%252f..%252f"),
            s("encoded dots", "%2e%2e%2f%2e%2e%2f"),
            s("....// filter bypass", "....//....//etc/passwd"),
            s("absolute path", "/etc/passwd"),
            s("file URL", "file:///etc/passwd"),
            s("zone-shaped traversal", "Europe/../../../etc/passwd"),
            s("Tomcat-style ..;/", "..;/admin/outbox"),
            s("overlong UTF-8 slash", "..%c0%af..%c0%af"));

    /** printf, MessageFormat and Python format tokens. */
    static final List<Sample> FORMAT = List.of(
            s("%s%n chain", "%s%s%s%s%s%n"),
            s("%x chain", "%x%x%x%x"),
            s("positional %1$s", "%1$s%2$s%3$s"),
            s("%n only", "%n%n%n%n"),
            s("MessageFormat {0}", "{0}{1}{2}"),
            s("Python %(name)s", "%(user)s"),
            s("huge width", "%-999999999s"),
            s("huge precision", "%.999999999f"),
            s("lone percent", "%%%"),
            s("JBoss logging {}", "{}{}{}"));

    /** Invalid UTF-8 byte sequences (put between quotes, they make a JSON string that cannot be decoded). */
    static final List<Sample> INVALID_UTF8_NAMES = List.of(
            s("C3 28 (bad continuation)", "C328"),
            s("A0 A1 (continuation without lead)", "A0A1"),
            s("E2 28 A1 (bad 3-byte)", "E228A1"),
            s("F0 28 8C BC (bad 4-byte)", "F0288CBC"),
            s("FF FE (never valid)", "FFFE"),
            s("C0 AF (overlong slash)", "C0AF"),
            s("ED A0 80 (CESU-8 surrogate)", "EDA080"),
            s("F4 90 80 80 (above U+10FFFF)", "F4908080"),
            s("E2 82 (truncated sequence)", "E282"),
            s("80 (lone continuation)", "80"));

    static byte[] hex(String hex) {
        byte[] result = new byte[hex.length() / 2];
        for (int i = 0; i < result.length; i++) {
            result[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return result;
    }

    /** A JSON string token whose content holds invalid UTF-8 between ordinary letters. */
    static Json.RawBytes invalidUtf8String(Sample sample) {
        byte[] bad = hex(sample.value());
        byte[] before = "\"ab".getBytes(StandardCharsets.US_ASCII);
        byte[] after = "cd\"".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(bad, 0, all, before.length, bad.length);
        System.arraycopy(after, 0, all, before.length + bad.length, after.length);
        return new Json.RawBytes(all);
    }

    /** Units long strings are made of: plain, mixed-case, multi-byte, invisible. */
    static final List<Sample> LONG_UNITS = List.of(
            s("letters", "a"),
            s("words", "cramp "),
            s("emoji", "\uD83E\uDDB5"),
            s("zero-width joiners", "\u200D"),
            s("RTL overrides", "\u202E"),
            s("CJK", "\u7B4B"));

    /**
     * A string whose JSON encoding (quotes included) takes about {@code bytes} bytes; made of units that need no escape,
     * so the size is exact to within one unit.
     */
    static String ofEncodedLength(Sample unit, int bytes) {
        int unitBytes = unit.value().getBytes(StandardCharsets.UTF_8).length;
        int repeats = Math.max(1, (bytes - 2) / unitBytes);
        return unit.value().repeat(repeats);
    }
}
