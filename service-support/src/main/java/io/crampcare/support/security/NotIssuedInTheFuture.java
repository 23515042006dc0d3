package io.crampcare.support.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a token issued in the future (beyond the clock skew): 401. smallrye-jwt bounds a token's lifetime (exp - iat,
 * {@code smallrye.jwt.time-to-live}) but takes any iat up to exp, so a token "issued" an hour before an exp in 2100
 * would otherwise pass as one hour long.
 */
@ApplicationScoped
public class NotIssuedInTheFuture implements SecurityIdentityAugmentor {

    private final long clockSkewSeconds;

    NotIssuedInTheFuture(@ConfigProperty(name = "mp.jwt.verify.clock.skew") long clockSkewSeconds) {
        this.clockSkewSeconds = clockSkewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getIssuedAtTime() > Instant.now().getEpochSecond() + clockSkewSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token's iat is in the future"));
        }
        return Uni.createFrom().item(identity);
    }
}
