package io.crampcare.reminder.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.Presentation;

/** The short message each kind of nudge carries, in the person's language and unit ({@link NudgeMessages}). */
@ApplicationScoped
class NudgeTexts {

    private final Map<String, NudgeMessages> bundles;
    private final long warmUpLeadMinutes;

    NudgeTexts(ReminderConfig config) {
        this.bundles = LanguageBundles.of(NudgeMessages.class);
        this.warmUpLeadMinutes = config.warmUpLead().toMinutes();
    }

    /** The text of a nudge of {@code kind} (of {@code amountMl} for a drink) for a person who reads {@code to}. */
    String of(NudgeKind kind, Integer amountMl, Presentation to) {
        NudgeMessages messages = bundles.get(to.localeTag());
        return switch (kind) {
            case HYDRATION -> messages.hydration(to.amount(amount(amountMl)));
            case PRE_EXERCISE_HYDRATION -> messages.preExerciseHydration(to.amount(amount(amountMl)));
            case WARM_UP -> messages.warmUp(warmUpLeadMinutes);
            case STRETCH -> messages.stretch();
        };
    }

    private static int amount(Integer amountMl) {
        return amountMl == null ? 0 : amountMl;
    }
}
