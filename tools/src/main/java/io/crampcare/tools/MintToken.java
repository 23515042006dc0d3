package io.crampcare.tools;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * The local stack's bearer tokens ({@code ./stack token USER [ROLE]}, {@code ./stack metrics-token}): prints one
 * token for USER in role ROLE (group {@code crampcare:ROLE}), signed with the stack's private key, issued now and good
 * for LIFETIME_SECONDS. Issuer and audience are the services' defaults (service-support's
 * microprofile-config.properties). {@code ./stack} checks USER and ROLE before it runs this.
 *
 * <pre>java -cp tools/target/tools.jar:tools/target/lib/* io.crampcare.tools.MintToken PRIVATE_KEY_PEM LIFETIME_SECONDS USER ROLE</pre>
 */
public final class MintToken {

    static final String ISSUER = "https://auth.crampcare.local";
    static final String AUDIENCE = "crampcare-api";

    static {
        // The claims named above and no more: without this, smallrye-jwt-build adds a random token id (jti). Set
        // before the first token, as MicroProfile Config reads system properties once.
        System.setProperty("smallrye.jwt.new-token.add-default-claims", "false");
    }

    private MintToken() {
    }

    public static void main(String[] args) {
        if (args.length != 4 || !args[1].matches("[0-9]{1,9}")) {
            System.err.println("usage: MintToken PRIVATE_KEY_PEM LIFETIME_SECONDS USER ROLE");
            System.exit(2);
        }
        try {
            System.out.println(mint(Path.of(args[0]), Long.parseLong(args[1]), args[2], args[3], Instant.now()));
        } catch (RuntimeException e) {
            System.err.println("MintToken: " + e.getMessage());
            System.exit(1);
        }
    }

    static String mint(Path privateKey, long lifetimeSeconds, String user, String role, Instant now) {
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        return new TokenSigner(ISSUER, AUDIENCE, TokenSigner.readPrivateKey(privateKey))
                .sign(user, user, Set.of("crampcare:" + role), issuedAt, issuedAt.plusSeconds(lifetimeSeconds));
    }
}
