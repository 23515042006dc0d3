package io.crampcare.support.validation;

/**
 * Which characters no text of a request may hold, wherever it comes from (a body's string, a path or query parameter):
 * the C0 controls but tab, line feed and carriage return (a line break from a client that writes CR LF), DEL, the C1
 * controls, and lone surrogates (not Unicode at all). PostgreSQL cannot store U+0000, and none of them has a place in
 * an id or in a note a person wrote.
 */
public final class ControlCharacters {

    /** What a client is told, as the message of the field's error. */
    public static final String MESSAGE = "must not contain control characters (tab and line breaks are fine)";

    private ControlCharacters() {
    }

    public static boolean in(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one supplementary character
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
