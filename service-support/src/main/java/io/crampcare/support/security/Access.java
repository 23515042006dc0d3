package io.crampcare.support.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.crampcare.support.errors.NotFound;
import io.crampcare.support.errors.NotPermitted;
import io.crampcare.support.privacy.ErasedSubjects;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Ownership checks, in one place for every service: a user acts only on their own userId (the token's subject); an
 * admin on anyone's. Two answers for strangers, consistently: naming another user (a path or body userId) is 403;
 * looking up another user's record by id is 404, the same as a record that does not exist, so ids reveal nothing.
 * An admin acting for another user (or looking up a record that names nobody) is reported to the
 * {@link AccessRecorder}: the audit of access, which requires the request to say why. Nobody acts for an erased user
 * (issue 32): their own tokens are 403 everywhere but on their erasure.
 */
@RequestScoped
public class Access {

    /** The {@code userId} path parameter, declared once in each API document (components/parameters). */
    public static final String USER_ID_PARAMETER = "userIdPath";

    private final SecurityIdentity identity;
    private final AccessRecorder recorder;
    private final ErasedSubjects erased;

    Access(SecurityIdentity identity, AccessRecorder recorder, ErasedSubjects erased) {
        this.identity = identity;
        this.recorder = recorder;
        this.erased = erased;
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
     * Whether the caller may see or change data of {@code userId}: never for an erased user; an admin acting for
     * another user is recorded (and must give a reason).
     */
    public boolean mayActFor(String userId) {
        return isSelfOrAdmin(userId) && !erased.isErased(userId);
    }

    /** 403 unless the caller may act for the user a request names (403 for an erased user too, saying so). */
    public void requireActingFor(String userId) {
        requireActingForErasure(userId);
        if (erased.isErased(userId)) {
            throw new NotPermitted("The data of this user was erased: nothing acts for them any more.");
        }
    }

    /** 403 unless the caller may ask for (or again for) the erasure of {@code userId}: the user or an admin. */
    public void requireActingForErasure(String userId) {
        if (!isSelfOrAdmin(userId)) {
            throw new NotPermitted("A token for " + caller() + " cannot act for another user.");
        }
    }

    /**
     * Whether the caller is {@code userId} or an admin, recording an admin acting for another user (and requiring a
     * reason): the check before anything else.
     */
    private boolean isSelfOrAdmin(String userId) {
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

    /**
     * For a record that names no user (an erasure, which keeps only a hash of its subject): an admin's look-up is
     * recorded with no subject, and needs a reason as any other.
     */
    public void adminLookUpOfUnnamedRecord() {
        if (isAdmin()) {
            recorder.actingFor(caller(), Roles.ADMIN, null);
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
