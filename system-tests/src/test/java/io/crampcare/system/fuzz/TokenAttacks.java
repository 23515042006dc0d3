package io.crampcare.system.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;

import io.crampcare.testsupport.TestTokens;

/**
 * Category (e): missing, malformed and forged bearer tokens on an otherwise valid request. Forgeries start from the
 * user's valid token, so that only the forged part can be the reason for a 401: "alg":"none" with the real claims, the
 * real header and claims with one signature character changed, the claims changed under the real signature, HMAC
 * signatures (algorithm confusion), and headers that ask the server to fetch or read a key.
 */
final class TokenAttacks {

    /** The valid token's parts; a token that is not a JWT gets made-up claims, so the forgeries still look real. */
    record Token(String raw, String header, String payload, String signature, String claims) {

        static Token of(Targets t) {
            String[] parts = t.userToken().split("\\.", -1);
            if (parts.length == 3 && Encode.fromBase64Url(parts[1]) != null) {
                String claims = new String(Encode.fromBase64Url(parts[1]), StandardCharsets.UTF_8);
                return new Token(t.userToken(), parts[0], parts[1], parts[2], claims);
            }
            String claims = "{\"iss\":\"https://auth.crampcare.local\",\"aud\":\"crampcare-api\",\"sub\":\"" + t.user()
                    + "\",\"upn\":\"" + t.user() + "\",\"groups\":[\"" + TestTokens.USER_ROLE + "\"],\"exp\":4102444800}";
            String header = Encode.base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            return new Token(t.userToken(), header, Encode.base64Url(claims), Encode.base64Url("signature"), claims);
        }
    }

    private static void bearer(Draft d, String token) {
        d.headers.put(Draft.AUTHORIZATION, "Bearer " + token);
    }

    private static final List<Variant<Token>> VARIANTS = List.of(
            new Variant<>("no Authorization header", (d, t) -> d.headers.remove(Draft.AUTHORIZATION)),
            new Variant<>("Authorization empty", (d, t) -> d.headers.put(Draft.AUTHORIZATION, "")),
            new Variant<>("'Bearer' without a token", (d, t) -> d.headers.put(Draft.AUTHORIZATION, "Bearer")),
            new Variant<>("'Bearer ' with a trailing space only", (d, t) -> d.headers.put(Draft.AUTHORIZATION, "Bearer ")),
            new Variant<>("Bearer garbage", (d, t) -> bearer(d, Rand.alphanumeric(d.rnd, Rand.between(d.rnd, 8, 64)))),
            new Variant<>("alg none, real claims, no signature", (d, t) -> bearer(d, none("none", t.payload()) + ".")),
            new Variant<>("alg none without the trailing dot", (d, t) -> bearer(d, none("none", t.payload()))),
            new Variant<>("alg 'None' (case variant)", (d, t) -> bearer(d, none("None", t.payload()) + ".")),
            new Variant<>("alg 'NONE' (case variant)", (d, t) -> bearer(d, none("NONE", t.payload()) + ".")),
            new Variant<>("alg none claiming role admin",
                    (d, t) -> bearer(d, none("none", Encode.base64Url(adminClaims(t.claims()))) + ".")),
            new Variant<>("real header and claims, one signature character changed",
                    (d, t) -> bearer(d, t.header() + "." + t.payload() + "." + flip(t.signature(), d.rnd))),
            new Variant<>("real header and claims, signature stripped",
                    (d, t) -> bearer(d, t.header() + "." + t.payload() + ".")),
            new Variant<>("claims naming the other user under the real signature", (d, t) -> bearer(d,
                    t.header() + "." + otherClaims(t, d.targets, d.rnd) + "." + t.signature())),
            new Variant<>("HS256 signed with 'secret' (algorithm confusion)",
                    (d, t) -> bearer(d, hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", t.payload(), "secret"))),
            new Variant<>("HS256 with kid pointing at /dev/null, empty key", (d, t) -> bearer(d, hs256(
                    "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"../../../../../../dev/null\"}", t.payload(), ""))),
            new Variant<>("jku header pointing at another key set", (d, t) -> bearer(d, Encode.base64Url(
                    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jku\":\"http://127.0.0.1:1/jwks.json\"}") + "." + t.payload()
                    + "." + t.signature())),
            new Variant<>("Basic credentials", (d, t) -> d.headers.put(Draft.AUTHORIZATION, "Basic dXNlcjpwYXNzd29yZA==")),
            new Variant<>("scheme in lower case (RFC 7235: case-insensitive; may be accepted)",
                    (d, t) -> d.headers.put(Draft.AUTHORIZATION, "bearer " + t.raw())),
            new Variant<>("scheme in upper case (may be accepted)",
                    (d, t) -> d.headers.put(Draft.AUTHORIZATION, "BEARER " + t.raw())),
            new Variant<>("two spaces after Bearer (may be accepted)",
                    (d, t) -> d.headers.put(Draft.AUTHORIZATION, "Bearer  " + t.raw())),
            new Variant<>("valid token followed by a space and junk", (d, t) -> bearer(d, t.raw() + " junk")),
            new Variant<>("valid token, then a second token", (d, t) -> bearer(d, t.raw() + ", Bearer garbage")),
            new Variant<>("token without the Bearer scheme", (d, t) -> d.headers.put(Draft.AUTHORIZATION, t.raw())),
            new Variant<>("token with two parts", (d, t) -> bearer(d, t.header() + "." + t.payload())),
            new Variant<>("token with four parts", (d, t) -> bearer(d, t.raw() + ".")),
            new Variant<>("JWE-shaped token (five parts)", (d, t) -> bearer(d, Encode.base64Url(
                    "{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".AAAA.AAAA." + t.payload() + ".AAAA")),
            new Variant<>("token of non-base64 characters", (d, t) -> bearer(d, "!!!.@@@.###")),
            new Variant<>("8 KiB token", (d, t) -> bearer(d, t.header() + "." + Rand.alphanumeric(d.rnd, 8192) + "."
                    + t.signature())),
            new Variant<>("token in the query string only", (d, t) -> {
                d.headers.remove(Draft.AUTHORIZATION);
                d.query("access_token", t.raw());
            }),
            new Variant<>("token in a cookie only", (d, t) -> {
                d.headers.remove(Draft.AUTHORIZATION);
                d.headers.put("Cookie", "Bearer=" + t.raw() + "; access_token=" + t.raw());
            }),
            new Variant<>("token in X-Authorization only", (d, t) -> {
                d.headers.remove(Draft.AUTHORIZATION);
                d.headers.put("X-Authorization", "Bearer " + t.raw());
            }));

    private TokenAttacks() {
    }

    /** The token attacks in rotation, each given the parts of the draft's valid token. */
    static Variants<Token> variants(Random rnd) {
        return new Variants<>(VARIANTS, rnd, d -> Token.of(d.targets));
    }

    private static String none(String alg, String payload) {
        return Encode.base64Url("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + payload;
    }

    /**
     * One base64url character of the signature changed. Never the last one: in an RS256 signature (256 bytes, 342
     * characters) the last character carries 2 bits and 4 padding bits, and changing only padding bits would leave the
     * same signature, a valid token.
     */
    static String flip(String signature, Random rnd) {
        if (signature.length() < 2) {
            return signature + "A";
        }
        int at = rnd.nextInt(signature.length() - 1);
        char c = signature.charAt(at);
        char replacement = c == 'A' ? 'B' : 'A';
        return signature.substring(0, at) + replacement + signature.substring(at + 1);
    }

    /** The claims with the admin role as groups: the role list edited where there is one, added where there is none. */
    private static String adminClaims(String claims) {
        String admin = "\"groups\":[\"" + TestTokens.ADMIN_ROLE + "\"]";
        if (claims.contains("\"groups\"")) {
            return claims.replaceFirst("\"groups\"\\s*:\\s*\\[[^\\]]*\\]", admin);
        }
        return claims.replaceFirst("\\}\\s*$", "," + admin + "}");
    }

    /** The claims with the user replaced by the other user; if the user is not in them, one character changed. */
    private static String otherClaims(Token t, Targets targets, Random rnd) {
        String quoted = "\"" + targets.user() + "\"";
        if (t.claims().contains(quoted)) {
            return Encode.base64Url(t.claims().replace(quoted, "\"" + targets.otherUser() + "\""));
        }
        return flip(t.payload(), rnd);
    }

    private static String hs256(String headerJson, String payload, String key) {
        String signingInput = Encode.base64Url(headerJson) + "." + payload;
        return signingInput + "." + Encode.base64Url(hmacSha256(key.getBytes(StandardCharsets.UTF_8),
                signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** RFC 2104 by hand: javax.crypto refuses the empty key that the /dev/null trick needs. */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] k = key.length > 64 ? sha.digest(key) : key;
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            for (int i = 0; i < 64; i++) {
                byte b = i < k.length ? k[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5c);
            }
            sha.reset();
            sha.update(ipad);
            byte[] inner = sha.digest(message);
            sha.update(opad);
            return sha.digest(inner);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
