package io.crampcare.intake.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crampcare.intake.remote.ServiceParts;

/**
 * Assembles a person's export: intake's own part and the advice and reminder services' parts, fetched with the
 * caller's token. All or nothing: a missing part fails the export (Unavailable). Each part carries its service's
 * audit of access about the person.
 */
@ApplicationScoped
public class Export {

    @Inject
    PersonalData intake;
    @Inject
    ServiceParts parts;

    /**
     * @param authorization the caller's Authorization header, which the other services check themselves
     * @param accessReason  an admin's CrampCare-Access-Reason, which they record; null for the person
     */
    public ExportDocument of(String userId, String authorization, String accessReason) {
        ServiceParts.Fetched fetched = parts.fetch(userId, authorization, accessReason);
        return new ExportDocument(ExportDocument.FORMAT, userId, Instant.now(), intake.of(userId), fetched.advice(),
                fetched.reminder());
    }
}
