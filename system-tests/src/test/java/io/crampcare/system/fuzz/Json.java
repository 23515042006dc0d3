package io.crampcare.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough JSON to build bodies and then break them on purpose; no library, because the point is to write what a
 * library would refuse to write: duplicate keys ({@link Obj#add}), verbatim tokens ({@link Raw}: {@code 1e308},
 * {@code NaN}, 5000 nested brackets) and bytes that are not UTF-8 at all ({@link RawBytes}).
 *
 * <p>Values are null, Boolean, Number, String, {@link List}, {@link Obj}, {@link Raw} or {@link RawBytes}. Strings
 * are written as valid JSON: quote, backslash and control characters escaped, and an unpaired surrogate escaped as
 * {@code \ud800} (it has no UTF-8 encoding, so the escape is the only way to send one).
 */
final class Json {

    private Json() {
    }

    /** Text written as it is (UTF-8): a number token, a nested structure, a deliberately broken fragment. */
    record Raw(String text) {
    }

    /** Bytes written as they are: invalid UTF-8 inside a string, NUL bytes. */
    record RawBytes(byte[] bytes) {
    }

    /** One object member; keys may repeat. */
    record Member(String key, Object value) {
    }

    /** A JSON object whose members keep their order and may repeat a key. */
    static final class Obj {
        final List<Member> members = new ArrayList<>();

        /** Sets the first member named {@code key}, or appends it. */
        Obj put(String key, Object value) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).key().equals(key)) {
                    members.set(i, new Member(key, value));
                    return this;
                }
            }
            members.add(new Member(key, value));
            return this;
        }

        /** Appends a member even when the key exists already: a duplicate key. */
        Obj add(String key, Object value) {
            members.add(new Member(key, value));
            return this;
        }

        Obj remove(String key) {
            members.removeIf(m -> m.key().equals(key));
            return this;
        }

        /** The first value named {@code key}; null when absent or null. */
        Object get(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m.value();
                }
            }
            return null;
        }

        /** The object a dotted path's parent names ("activity.minutes" -> the activity object), created if missing. */
        Obj parentOf(String path) {
            int dot = path.lastIndexOf('.');
            if (dot < 0) {
                return this;
            }
            String head = path.substring(0, dot);
            Obj current = this;
            for (String part : head.split("\\.")) {
                Object child = current.get(part);
                if (!(child instanceof Obj)) {
                    child = new Obj();
                    current.put(part, child);
                }
                current = (Obj) child;
            }
            return current;
        }

        static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        /** Sets a dotted path ("activity.minutes"). */
        Obj set(String path, Object value) {
            parentOf(path).put(leaf(path), value);
            return this;
        }

        /** Removes a dotted path. */
        Obj unset(String path) {
            parentOf(path).remove(leaf(path));
            return this;
        }

        Object at(String path) {
            return parentOf(path).get(leaf(path));
        }
    }

    static Obj obj() {
        return new Obj();
    }

    /** The value as JSON bytes. */
    static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    /** The value as JSON text; only for values without {@link RawBytes}. */
    static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value == null) {
            ascii("null", out);
        } else if (value instanceof Boolean || value instanceof Number) {
            ascii(value.toString(), out);
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Raw raw) {
            out.writeBytes(raw.text().getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof RawBytes raw) {
            out.writeBytes(raw.bytes());
        } else if (value instanceof List<?> list) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(list.get(i), out);
            }
            out.write(']');
        } else if (value instanceof Obj obj) {
            out.write('{');
            for (int i = 0; i < obj.members.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Member m = obj.members.get(i);
                string(m.key(), out);
                out.write(':');
                write(m.value(), out);
            }
            out.write('}');
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass());
        }
    }

    private static void ascii(String s, ByteArrayOutputStream out) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** A JSON string; unpaired surrogates as \\uXXXX escapes (they cannot be encoded in UTF-8). */
    static void string(String s, ByteArrayOutputStream out) {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> ascii("\\n", out);
                    case '\r' -> ascii("\\r", out);
                    case '\t' -> ascii("\\t", out);
                    case '\b' -> ascii("\\b", out);
                    case '\f' -> ascii("\\f", out);
                    default -> ascii(String.format("\\u%04x", (int) c), out);
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                ascii(String.format("\\u%04x", (int) c), out);
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        out.write('"');
    }

    /** Bytes {@link #string} would write, for size budgets. */
    static int encodedLength(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(s, out);
        return out.size();
    }
}
