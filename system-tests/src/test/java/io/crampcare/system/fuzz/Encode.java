package io.crampcare.system.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Percent-encoding and base64url. Paths must stay valid for {@code java.net.URI}, or the test's HTTP client would
 * refuse them before the server ever sees them; so everything outside RFC 3986's unreserved set is encoded, and the
 * oddities (an encoded slash, invalid UTF-8) are written as explicit %XX sequences.
 */
final class Encode {

    private Encode() {
    }

    /** A path segment: only A-Z a-z 0-9 - . _ ~ stay as they are (a "/" becomes %2F, an encoded slash). */
    static String segment(String raw) {
        return percent(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A query name or value; the same rules, so "+", "&" and "=" are encoded too. */
    static String component(String raw) {
        return segment(raw);
    }

    /** Any bytes, percent-encoded: the way to put invalid UTF-8 into a path. */
    static String percent(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return s.toString();
    }

    /** Every byte as %XX, letters included: the same text to a decoding server, a different one to a naive filter. */
    static String percentAll(String raw) {
        StringBuilder s = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            s.append(String.format("%%%02X", b & 0xff));
        }
        return s.toString();
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String base64Url(String text) {
        return base64Url(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decoded base64url text, or null when it is not base64url. */
    static byte[] fromBase64Url(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
