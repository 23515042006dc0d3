package io.crampcare.support.security;

/**
 * Where {@link Access} reports an access to a user's data by someone other than that user (support/audit's
 * AccessAudit records it). An interface here, so that security does not depend on the audit, which uses its roles.
 */
public interface AccessRecorder {

    /**
     * {@code actor} acts on {@code subjectUserId}'s data in the current request (null: a record id that named
     * nobody); throws a support.errors exception when the request may not go on (no reason given).
     */
    void actingFor(String actor, String actorRole, String subjectUserId);
}
