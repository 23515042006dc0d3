package io.crampcare.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.support.errors.InvalidInput;

/**
 * The {@code Idempotency-Key} request header of a POST that creates something: with the same key and body, a retry
 * gets the first answer again ({@code Idempotent-Replayed: true}) and creates nothing; another body is 422; while the
 * first request is in flight, 409 with {@code Retry-After}. Keys are per user. The OpenAPI document declares the
 * header as parameter {@link #KEY_PARAMETER} and the answer's header as {@link #REPLAYED}
 * (rest.ApiDocumentConventions).
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** Name of the shared OpenAPI parameter for the header. */
    public static final String KEY_PARAMETER = "IdempotencyKey";
    public static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyService keys;
    private final ObjectMapper objectMapper;

    IdempotentRequests(IdempotencyService keys, ObjectMapper objectMapper) {
        this.keys = keys;
        this.objectMapper = objectMapper;
    }

    /**
     * Answers a POST by {@code userId}. Without a key, {@code create.apply(null)}. With one: the stored answer of the
     * key's first request, replayed; or {@code create.apply(claim)}, whose transaction records its answer with
     * {@link IdempotencyService#complete} beside what it creates. When that fails, the key is given up, so the client
     * may retry with it.
     *
     * @param request the request body, hashed as re-serialized (formatting and field order do not matter)
     */
    public Response post(String userId, String key, Object request,
            Function<IdempotencyService.Granted, Response> create) {
        if (key == null) {
            return create.apply(null);
        }
        check(key);
        // Keys are per user: one user's key can neither collide with nor reveal another's.
        IdempotencyService.Claim claim = keys.claim(userId + "/" + key, hash(request));
        if (claim instanceof IdempotencyService.Replay replay) {
            return Response.status(replay.status())
                    .header("Location", replay.location())
                    .header(REPLAYED, "true")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(replay.body())
                    .build();
        }
        IdempotencyService.Granted granted = (IdempotencyService.Granted) claim;
        try {
            return create.apply(granted);
        } catch (RuntimeException e) {
            keys.release(granted);
            throw e;
        }
    }

    private static void check(String key) {
        boolean visibleAscii = key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !visibleAscii) {
            throw new InvalidInput(KEY, "must be 1-255 visible ASCII characters, e.g. a UUID");
        }
    }

    /** SHA-256 of the request as re-serialized. */
    private String hash(Object request) {
        try {
            byte[] canonical = objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Hashing a request failed", e);
        }
    }
}
