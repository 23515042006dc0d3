package io.crampcare.system.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpora: strings known to break parsers, databases, logs and templates, listed in hostile-strings.txt beside
 * this class (with every invisible character escaped). Each has a short ASCII name, because descriptions end up in
 * assertion messages and logs, where the string itself (an RTL override, a NUL) would garble what is printed.
 */
final class HostileStrings {

    private HostileStrings() {
    }

    record Sample(String name, String value) {
    }

    /** The corpora by name, as hostile-strings.txt beside this class lists them, in its order. */
    private static final Map<String, List<Sample>> CORPORA = read("hostile-strings.txt");

    private static List<Sample> corpus(String name) {
        List<Sample> corpus = CORPORA.get(name);
        if (corpus == null || corpus.isEmpty()) {
            throw new IllegalStateException("hostile-strings.txt has no samples under [" + name + "]");
        }
        return corpus;
    }

    private static Map<String, List<Sample>> read(String resource) {
        Map<String, List<Sample>> corpora = new LinkedHashMap<>();
        List<Sample> current = null;
        try (InputStream in = HostileStrings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new ArrayList<>();
                    corpora.put(line.substring(1, line.length() - 1), current);
                    continue;
                }
                int tab = line.indexOf('\t');
                if (current == null || tab < 0) {
                    throw new IllegalStateException(resource + ": not a sample under a [NAME]: " + line);
                }
                current.add(new Sample(unescape(line.substring(0, tab)), unescape(line.substring(tab + 1))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        corpora.replaceAll((name, samples) -> List.copyOf(samples));
        return corpora;
    }

    /** The file's two escapes: {@code \\} for a backslash, {@code \\uXXXX} for any one UTF-16 unit. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (text.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (text.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                throw new IllegalArgumentException("unknown escape in hostile-strings.txt: " + text);
            }
        }
        return out.toString();
    }

    /** Unicode that renders oddly, normalizes differently or cannot be encoded at all. */
    static final List<Sample> UNICODE = corpus("UNICODE");

    /** Control characters: fine in JSON as escapes, not fine in PostgreSQL text (NUL) or terminals (ESC). */
    static final List<Sample> CONTROL = corpus("CONTROL");

    /** SQL, HTML, script, template and lookup injection. */
    static final List<Sample> INJECTION = corpus("INJECTION");

    /** Path traversal, raw and pre-encoded (some servers decode twice). */
    static final List<Sample> TRAVERSAL = corpus("TRAVERSAL");

    /** printf, MessageFormat and Python format tokens. */
    static final List<Sample> FORMAT = corpus("FORMAT");

    /** Invalid UTF-8 byte sequences (put between quotes, they make a JSON string that cannot be decoded). */
    static final List<Sample> INVALID_UTF8_NAMES = corpus("INVALID_UTF8_NAMES");

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
    static final List<Sample> LONG_UNITS = corpus("LONG_UNITS");

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
