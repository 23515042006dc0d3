package io.crampcare.support.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.crampcare.support.validation.Instants;

/**
 * Position after the last item of a page, in a listing ordered by (time, id), both descending. Clients
 * see it as an opaque token; keyset paging means no gaps or repeats while reports are added.
 */
public record PageCursor(Instant time, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((time + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a token stands for, or empty when the token was not made by {@link #encode()}. */
    public static Optional<PageCursor> decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            Instant time = Instant.parse(parts[0]);
            return Instants.inRange(time) ? Optional.of(new PageCursor(time, UUID.fromString(parts[1]))) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The tokens {@link #encode()} makes ({@link PageToken}'s default). */
    public static final class Issued implements Predicate<String> {

        @Override
        public boolean test(String token) {
            return decode(token).isPresent();
        }
    }
}
