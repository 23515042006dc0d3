package io.crampcare.support.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.crampcare.support.errors.NotFound;
import io.crampcare.support.errors.NotPermitted;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Ownership checks, in one place for every service: a user acts only on their own userId (the token's subject); an
 * admin on anyone's. Two answers for strangers, consistently: naming another user (a path or body userId) is 403;
 * looking up another user's record by id is 404, the same as a record that does not exist, so ids reveal nothing.
 * An admin acting for another user (or looking up a record that names nobody) is reported to the
 * {@link AccessRecorder}: the audit of access, which requires the request to say why.
 */
@RequestScoped
public class Access {

    /** The {@code userId} path parameter, declared once in each API document (components/parameters). */
    public static final String USER_ID_PARAMETER = "userIdPath";

    private final SecurityIdentity identity;
    private final AccessRecorder recorder;

    Access(SecurityIdentity identity, AccessRecorder recorder) {
        this.identity = identity;
        this.recorder = recorder;
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /**
     * The caller's own userId: the token's {@code sub} claim, as documented, and not the principal name (which
     * MicroProfile JWT takes from {@code upn} or {@code preferred_username} first). A token without a subject names
     * nobody and acts for nobody.
     */
    public String caller() {
        String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
        if (subject == null || subject.isBlank()) {
            throw new NotPermitted("The token has no subject (sub claim), so it acts for no user.");
        }
        return subject;
    }

    /**
     * Whether the caller may see or change data of {@code userId}; an admin acting for another user is recorded (and
     * must give a reason).
     */
    public boolean mayActFor(String userId) {
        String caller = caller();
        if (caller.equals(userId)) {
            return true;
        }
        if (!isAdmin()) {
            return false;
        }
        recorder.actingFor(caller, Roles.ADMIN, userId);
        return true;
    }

    /** 403 unless the caller may act for the user a request names. */
    public void requireActingFor(String userId) {
        if (!mayActFor(userId)) {
            throw new NotPermitted("A token for " + caller() + " cannot act for another user.");
        }
    }

    /**
     * 404 (as if it did not exist) unless the caller may see a record owned by {@code ownerUserId}; {@code record}
     * null is one that does not exist, which an admin's attempt at is recorded too.
     */
    public <T> T visibleOrNotFound(T record, String ownerUserId, String notFoundDetail) {
        if (record == null && isAdmin()) {
            recorder.actingFor(caller(), Roles.ADMIN, null);
        }
        if (record == null || !mayActFor(ownerUserId)) {
            throw new NotFound(notFoundDetail);
        }
        return record;
    }
}
