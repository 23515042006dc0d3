package io.crampcare.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's tokens: the claims the bash signer wrote before, verifiable with the public key alone. */
class MintTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00.750Z");
    private static KeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void keyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void carriesExactlyTheClaimsTheServicesCheck() throws Exception {
        String token = MintToken.mint(privateKeyFile(), 3600, "alice", "user", NOW);

        Map<String, Object> header = part(token, 0);
        assertEquals(Map.of("alg", "RS256", "typ", "JWT"), header);
        Map<String, Object> claims = part(token, 1);
        assertEquals(Map.of("iss", "https://auth.crampcare.local", "aud", "crampcare-api", "sub", "alice", "upn", "alice",
                "groups", List.of("crampcare:user"), "iat", 1796644800L, "exp", 1796648400L), claims);
    }

    @Test
    void isVerifiableWithThePublicKey() throws Exception {
        String token = MintToken.mint(privateKeyFile(), 600, "prometheus", "metrics", Instant.now());

        JwtClaims claims = consumer(keys).processToClaims(token);
        assertEquals("prometheus", claims.getSubject());
        assertEquals(List.of("crampcare:metrics"), claims.getStringListClaimValue("groups"));
        assertEquals(600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void failsVerificationWithAnotherKey() throws Exception {
        String token = MintToken.mint(privateKeyFile(), 600, "alice", "admin", Instant.now());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);

        assertThrows(InvalidJwtException.class, () -> consumer(generator.generateKeyPair()).processToClaims(token));
    }

    @Test
    void namesTheKeyFileItCannotRead() {
        Path missing = dir.resolve("missing.pem");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MintToken.mint(missing, 600, "alice", "user", NOW));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private static JwtConsumer consumer(KeyPair pair) {
        return new JwtConsumerBuilder().setVerificationKey(pair.getPublic())
                .setExpectedIssuer(MintToken.ISSUER).setExpectedAudience(MintToken.AUDIENCE)
                .setRequireExpirationTime().setRequireIssuedAt().setRequireSubject().build();
    }

    /** What openssl genpkey writes: PKCS#8, PEM. */
    private Path privateKeyFile() throws IOException {
        Path file = dir.resolve("private.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private static Map<String, Object> part(String token, int index) throws JoseException {
        return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
