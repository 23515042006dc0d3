package io.crampcare.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs bearer tokens the way the services check them (RS256; issuer, audience, {@code sub}, {@code upn},
 * {@code groups}, {@code iat}, {@code exp}) with smallrye-jwt-build. The local stack's tokens ({@link MintToken}) and
 * the tests' (test-support's TestTokens) both come from here.
 */
public record TokenSigner(String issuer, String audience, PrivateKey key) {

    /** A token for {@code subject}, whose principal name ({@code upn}) may differ, in these groups (roles). */
    public String sign(String subject, String upn, Set<String> groups, Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer(issuer).subject(subject).upn(upn).groups(groups).audience(audience)
                .issuedAt(issuedAt).expiresAt(expiresAt)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    /** An RSA private key from a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}, what openssl genpkey writes). */
    public static PrivateKey readPrivateKey(Path pemFile) {
        try {
            String pem = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Reading the signing key " + pemFile + " failed: " + e, e);
        }
    }
}
