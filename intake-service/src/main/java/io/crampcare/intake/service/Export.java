package io.crampcare.intake.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crampcare.intake.remote.ServiceParts;

/**
 * Assembles a person's export: intake's own part and the advice and reminder services' parts, fetched with the
 * caller's token. All or nothing: a missing part fails the export (Unavailable). The audit part (issue 32, part 4)
 * is added here.
 */
@ApplicationScoped
public class Export {

    @Inject
    PersonalData intake;
    @Inject
    ServiceParts parts;

    /**
     * @param authorization the caller's Authorization header, which the other services check themselves
     */
    public ExportDocument of(String userId, String authorization) {
        ServiceParts.Fetched fetched = parts.fetch(userId, authorization);
        return new ExportDocument(ExportDocument.FORMAT, userId, Instant.now(), intake.of(userId), fetched.advice(),
                fetched.reminder());
    }
}
