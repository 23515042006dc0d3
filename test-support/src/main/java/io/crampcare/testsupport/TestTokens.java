package io.crampcare.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for tests, signed with the run's key from {@link JwtTestResource}; issuer and audience are the ones
 * the service under test checks. Besides good tokens, the bad kinds an authorization test needs.
 */
public final class TestTokens {

    /** The operator every functional test acts as (admins may act for any user). */
    public static final String ADMIN = "ops-admin";
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private TestTokens() {
    }

    /** A request as an admin, for tests about behaviour rather than access. */
    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().oauth2(admin());
    }

    /** A request as the user {@code sub}. */
    public static RequestSpecification asUser(String sub) {
        return RestAssured.given().auth().oauth2(user(sub));
    }

    public static String user(String sub) {
        return sign(sub, Set.of("user"), issuer(), audience(), Instant.now().plus(LIFETIME), key());
    }

    /**
     * A user token whose {@code upn} (which MicroProfile JWT prefers for the principal name) is someone else: the
     * services must act for {@code sub}.
     */
    public static String userWithUpn(String sub, String upn) {
        return sign(sub, upn, Set.of("user"), issuer(), audience(), Instant.now().plus(LIFETIME), key());
    }

    public static String admin() {
        return sign(ADMIN, Set.of("admin"), issuer(), audience(), Instant.now().plus(LIFETIME), key());
    }

    /** Expired well beyond the allowed clock skew. */
    public static String expired(String sub) {
        return sign(sub, Set.of("user"), issuer(), audience(), Instant.now().minus(Duration.ofMinutes(10)), key());
    }

    public static String wrongIssuer(String sub) {
        return sign(sub, Set.of("user"), "https://evil.example", audience(), Instant.now().plus(LIFETIME), key());
    }

    public static String wrongAudience(String sub) {
        return sign(sub, Set.of("user"), issuer(), "someone-else", Instant.now().plus(LIFETIME), key());
    }

    /** Right claims, signed with a key the service does not trust. */
    public static String badSignature(String sub) {
        return sign(sub, Set.of("user"), issuer(), audience(), Instant.now().plus(LIFETIME),
                JwtTestResource.newKeyPair().getPrivate());
    }

    private static String sign(String sub, Set<String> groups, String issuer, String audience, Instant expiresAt,
            PrivateKey key) {
        return sign(sub, sub, groups, issuer, audience, expiresAt, key);
    }

    private static String sign(String sub, String upn, Set<String> groups, String issuer, String audience,
            Instant expiresAt, PrivateKey key) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minus(LIFETIME) : Instant.now();
        return Jwt.issuer(issuer).subject(sub).upn(upn).groups(groups).audience(audience)
                .issuedAt(issuedAt).expiresAt(expiresAt)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    private static String audience() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class).split(",")[0];
    }

    private static PrivateKey key() {
        String location = ConfigProvider.getConfig().getValue(JwtTestResource.PRIVATE_KEY_LOCATION, String.class);
        try {
            String pem = Files.readString(Path.of(location)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Reading the test signing key " + location + " failed", e);
        }
    }
}
