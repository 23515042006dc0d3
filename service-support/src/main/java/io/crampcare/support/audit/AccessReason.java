package io.crampcare.support.audit;

import io.crampcare.support.errors.InvalidInput;

/**
 * Why someone other than the user reads or changes the user's data: the request header {@link #HEADER}, 1 to
 * {@link #MAX_LENGTH} printable characters (no control characters at all, not even a tab), not only spaces.
 */
public final class AccessReason {

    public static final String HEADER = "CrampCare-Access-Reason";
    /** The header, declared once in each API document (components/parameters). */
    public static final String PARAMETER = "accessReason";
    public static final int MAX_LENGTH = 200;

    private AccessReason() {
    }

    /** The reason the header gave; 400 naming the header when it is missing or not a reason. */
    static String of(String header) {
        if (header == null || header.isBlank()) {
            throw new InvalidInput(HEADER, "is required when acting on another user's data: say why (1-"
                    + MAX_LENGTH + " characters)");
        }
        if (header.length() > MAX_LENGTH) {
            throw new InvalidInput(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairAt(header, i)) {
                throw new InvalidInput(HEADER, "must hold printable characters only (no control characters)");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return header;
    }

    private static boolean pairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
