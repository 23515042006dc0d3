package io.crampcare.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crampcare.intake.store.CrampReportStore;
import io.crampcare.support.audit.AuditEntries;

/** Reads everything the intake service holds about one person, for their export. */
@ApplicationScoped
public class PersonalData {

    @Inject
    CrampReportStore reports;
    @Inject
    AuditEntries audit;

    public IntakeData of(String userId) {
        return new IntakeData(reports.allOf(userId).stream().map(IntakeData.Report::of).toList(),
                audit.entriesAbout(userId));
    }
}
