package io.crampcare.reminder.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.crampcare.reminder.store.PersonalDataStore;
import io.crampcare.support.audit.AuditEntries;

/** Reads everything the reminder service holds about one person, for their export. */
@ApplicationScoped
public class PersonalData {

    @Inject
    PersonalDataStore store;
    @Inject
    AuditEntries audit;

    /** Every table read in one transaction (on one connection). */
    @Transactional
    public ReminderData of(String userId) {
        return new ReminderData(store.preferences(userId), store.workouts(userId), store.nudges(userId),
                store.drinks(userId), store.hydrationTargets(userId), store.hydrationDays(userId),
                audit.entriesAbout(userId));
    }
}
