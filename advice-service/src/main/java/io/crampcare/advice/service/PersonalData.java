package io.crampcare.advice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crampcare.advice.store.AdviceStore;
import io.crampcare.support.audit.AuditEntries;

/** Reads everything the advice service holds about one person, for their export. */
@ApplicationScoped
public class PersonalData {

    @Inject
    AdviceStore store;
    @Inject
    AuditEntries audit;

    public AdviceData of(String userId) {
        return new AdviceData(store.allOf(userId),
                store.reportsOf(userId).stream().map(AdviceData.ReportSeen::of).toList(),
                store.acksOf(userId).stream().map(AdviceData.Ack::of).toList(), audit.entriesAbout(userId));
    }
}
