package io.crampcare.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.crampcare.tools.TokenSigner;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Bearer tokens for tests, signed as the local stack's ({@link TokenSigner}) with the run's key from
 * {@link JwtTestResource}; issuer and audience are the ones the service under test checks. Besides good tokens, the
 * bad kinds an authorization test needs.
 */
public final class TestTokens {

    /** The operator every functional test acts as (admins may act for any user). */
    public static final String ADMIN = "ops-admin";
    /** The roles, namespaced as service-support's Roles names them. */
    public static final String USER_ROLE = "crampcare:user";
    public static final String ADMIN_ROLE = "crampcare:admin";
    public static final String METRICS_ROLE = "crampcare:metrics";
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    /** The services' default maximum lifetime (crampcare.security.max-token-lifetime-seconds). */
    private static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    /** The header an admin acting for another user says why in (service-support's AccessReason). */
    public static final String ACCESS_REASON = "CrampCare-Access-Reason";
    /** The reason the tests' admin gives. */
    public static final String TEST_REASON = "automated test";

    /** A request as an admin, for tests about behaviour rather than access: with a reason, as acting for users needs. */
    public static RequestSpecification asAdmin() {
        return asAdminWithoutReason().header(ACCESS_REASON, TEST_REASON);
    }

    /** A request as an admin that gives no reason (CrampCare-Access-Reason). */
    public static RequestSpecification asAdminWithoutReason() {
        return RestAssured.given().auth().oauth2(admin());
    }

    /** A request as a metrics scraper (Prometheus): role metrics only. */
    public static RequestSpecification asMetricsReader() {
        return RestAssured.given().auth().oauth2(metricsReader());
    }

    /** A request as the user {@code sub}. */
    public static RequestSpecification asUser(String sub) {
        return RestAssured.given().auth().oauth2(user(sub));
    }

    public static String user(String sub) {
        return sign(sub, Set.of(USER_ROLE), issuer(), audience(), Instant.now().plus(LIFETIME), key());
    }

    /**
     * A user token whose {@code upn} (which MicroProfile JWT prefers for the principal name) is someone else: the
     * services must act for {@code sub}.
     */
    public static String userWithUpn(String sub, String upn) {
        return sign(sub, upn, Set.of(USER_ROLE), issuer(), audience(), Instant.now().plus(LIFETIME), key());
    }

    public static String admin() {
        return sign(ADMIN, Set.of(ADMIN_ROLE), issuer(), audience(), Instant.now().plus(LIFETIME), key());
    }

    public static String metricsReader() {
        return sign("prometheus", Set.of(METRICS_ROLE), issuer(), audience(), Instant.now().plus(LIFETIME), key());
    }

    /** Expired well beyond the allowed clock skew. */
    public static String expired(String sub) {
        return sign(sub, Set.of(USER_ROLE), issuer(), audience(), Instant.now().minus(Duration.ofMinutes(10)), key());
    }

    public static String wrongIssuer(String sub) {
        return sign(sub, Set.of(USER_ROLE), "https://evil.example", audience(), Instant.now().plus(LIFETIME), key());
    }

    public static String wrongAudience(String sub) {
        return sign(sub, Set.of(USER_ROLE), issuer(), "someone-else", Instant.now().plus(LIFETIME), key());
    }

    /** Issued now, expiring a minute (beyond the clock skew) after the maximum lifetime allows. */
    public static String overLongLived(String sub) {
        return sign(sub, Set.of(USER_ROLE), issuer(), audience(),
                Instant.now().plus(MAX_LIFETIME).plus(Duration.ofMinutes(1)), key());
    }

    /** Issued now, good until the year 2100: what a correctly signed token could once do. */
    public static String expiringIn2100(String sub) {
        return sign(sub, Set.of(USER_ROLE), issuer(), audience(), Instant.parse("2100-01-01T00:00:00Z"), key());
    }

    /** Issued in the future: a lifetime within the maximum, but it would be good until long after the maximum. */
    public static String issuedInTheFuture(String sub) {
        Instant issuedAt = Instant.now().plus(Duration.ofMinutes(10));
        return sign(sub, sub, Set.of(USER_ROLE), issuer(), audience(), issuedAt, issuedAt.plus(LIFETIME), key());
    }

    /** Right claims but no {@code iat} (the token builder always adds one, so this one is signed by hand). */
    public static String withoutIssuedAt(String sub) {
        String claims = "{\"iss\":\"" + issuer() + "\",\"aud\":\"" + audience() + "\",\"sub\":\"" + sub
                + "\",\"upn\":\"" + sub + "\",\"groups\":[\"" + USER_ROLE + "\"],\"exp\":"
                + Instant.now().plus(LIFETIME).getEpochSecond() + "}";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Right claims, signed with a key the service does not trust. */
    public static String badSignature(String sub) {
        return sign(sub, Set.of(USER_ROLE), issuer(), audience(), Instant.now().plus(LIFETIME),
                JwtTestResource.newKeyPair().getPrivate());
    }

    private static String sign(String sub, Set<String> groups, String issuer, String audience, Instant expiresAt,
            PrivateKey key) {
        return sign(sub, sub, groups, issuer, audience, expiresAt, key);
    }

    private static String sign(String sub, String upn, Set<String> groups, String issuer, String audience,
            Instant expiresAt, PrivateKey key) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minus(LIFETIME) : Instant.now();
        return sign(sub, upn, groups, issuer, audience, issuedAt, expiresAt, key);
    }

    private static String sign(String sub, String upn, Set<String> groups, String issuer, String audience,
            Instant issuedAt, Instant expiresAt, PrivateKey key) {
        return new TokenSigner(issuer, audience, key).sign(sub, upn, groups, issuedAt, expiresAt);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    private static String audience() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class).split(",")[0];
    }

    private static PrivateKey key() {
        return TokenSigner.readPrivateKey(
                Path.of(ConfigProvider.getConfig().getValue(JwtTestResource.PRIVATE_KEY_LOCATION, String.class)));
    }
}
