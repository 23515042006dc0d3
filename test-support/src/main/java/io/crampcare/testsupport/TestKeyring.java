package io.crampcare.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.crampcare.contracts.sealed.EventSeal;

/**
 * The key ring of sealed events (privacy.subject_key, event-contracts EventSeal) as tests use it: to seal the events
 * they feed a topic the way a producer does, and to open what a service published. Reads and writes the table
 * directly over JDBC, as another replica of a service would. Keys it has seen are remembered until they are shredded
 * elsewhere, so a reader that must see the ring as it is now (after an erasure) takes a new one.
 */
public final class TestKeyring {

    /** A person's key: null {@code userId} and {@code secret} once shredded. */
    public record Key(UUID subjectRef, String userId, byte[] secret) {
    }

    /** What a sealed record holds: whose event, and its payload. */
    public record Opened(String userId, String payload) {
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Map<String, Key> byUser = new ConcurrentHashMap<>();
    private final Map<UUID, Key> byRef = new ConcurrentHashMap<>();

    public TestKeyring(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The key ring of the database the service under test uses (its datasource configuration). */
    public static TestKeyring ofServiceUnderTest() {
        var config = ConfigProvider.getConfig();
        return new TestKeyring(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    /** The person's key, made now if they have none (as the services do with a person's first event). */
    public Key keyOf(String userId) {
        Key known = byUser.get(userId);
        if (known != null) {
            return known;
        }
        try (Connection connection = connect()) {
            try (PreparedStatement add = connection.prepareStatement("""
                    INSERT INTO privacy.subject_key (subject_ref, user_id, secret) VALUES (?, ?, ?)
                    ON CONFLICT (user_id) DO NOTHING
                    """)) {
                add.setObject(1, UUID.randomUUID());
                add.setString(2, userId);
                add.setBytes(3, EventSeal.newKey());
                add.executeUpdate();
            }
            return remember(find(connection, "user_id = ?", userId)).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the key ring failed", e);
        }
    }

    /** The entry of a subjectRef, shredded or not; empty when the ring does not know it. */
    public Optional<Key> bySubjectRef(String subjectRef) {
        UUID ref;
        try {
            ref = UUID.fromString(subjectRef);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        Key known = byRef.get(ref);
        if (known != null) {
            return Optional.of(known);
        }
        try (Connection connection = connect()) {
            return remember(find(connection, "subject_ref = ?", ref));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the key ring failed", e);
        }
    }

    /** The record value sealed with the person's key for this event (its record key is the key's subjectRef). */
    public String seal(Key key, String eventId, String type, String payload) {
        return EventSeal.seal(key.subjectRef(), key.secret(), eventId, type, payload);
    }

    /** What a record holds, when it is a sealed event whose key the ring still has; empty otherwise. */
    public Optional<Opened> open(String recordKey, String eventId, String type, String value) {
        Optional<Key> key = bySubjectRef(recordKey).filter(k -> k.secret() != null);
        if (key.isEmpty() || eventId == null || type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Opened(key.get().userId(),
                    EventSeal.read(value).open(key.get().secret(), eventId, type)));
        } catch (EventSeal.NotSealed e) {
            return Optional.empty();
        }
    }

    private Optional<Key> remember(Optional<Key> key) {
        key.filter(k -> k.secret() != null).ifPresent(k -> {
            byUser.put(k.userId(), k);
            byRef.put(k.subjectRef(), k);
        });
        return key;
    }

    private static Optional<Key> find(Connection connection, String where, Object value) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT subject_ref, user_id, secret FROM privacy.subject_key WHERE " + where)) {
            find.setObject(1, value);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Key(row.getObject(1, UUID.class), row.getString(2),
                        row.getBytes(3))) : Optional.empty();
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
