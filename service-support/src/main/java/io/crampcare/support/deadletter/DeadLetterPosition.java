package io.crampcare.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the next page of a dead-letter listing starts: a partition and the offset there. Listings run by partition,
 * then offset, oldest first; clients see the position as an opaque {@code pageToken}.
 */
record DeadLetterPosition(int partition, long offset) {

    static final DeadLetterPosition START = new DeadLetterPosition(0, 0);

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("dlq|" + partition + "|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token stands for, or empty when the token was not made by {@link #encode()}. */
    static Optional<DeadLetterPosition> decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals("dlq")) {
                return Optional.empty();
            }
            int partition = Integer.parseInt(parts[1]);
            long offset = Long.parseLong(parts[2]);
            return partition < 0 || offset < 0 ? Optional.empty() : Optional.of(new DeadLetterPosition(partition, offset));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
