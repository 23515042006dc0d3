package io.crampcare.reminder.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.reminder.store.PersonalDataStore;
import io.crampcare.support.audit.AuditEntry;

/**
 * Everything the reminder service holds about one person (docs/export-format.md, part {@code reminder}): one list of
 * rows a table, each oldest first; preferences and hydrationTargets hold at most one row.
 */
@Schema(name = "ReminderPersonalData", description = "Everything reminder holds about the person, each table oldest "
        + "first", requiredProperties = { "preferences", "workouts", "nudges", "drinks", "hydrationTargets",
                "hydrationDays", "audit" })
public record ReminderData(List<PersonalDataStore.Preferences> preferences, List<PersonalDataStore.Workout> workouts,
        List<PersonalDataStore.Nudge> nudges, List<PersonalDataStore.Drink> drinks,
        List<PersonalDataStore.HydrationTarget> hydrationTargets,
        List<PersonalDataStore.HydrationDay> hydrationDays,
        @Schema(description = "Who else read or changed this data in the reminder service, and why (the audit of "
                + "access), oldest first") List<AuditEntry> audit) {
}
