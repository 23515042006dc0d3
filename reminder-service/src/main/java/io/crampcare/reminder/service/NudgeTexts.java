package io.crampcare.reminder.service;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.Presentation;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The short message each kind of nudge carries, in the person's language and unit ({@link NudgeMessages}). */
@ApplicationScoped
class NudgeTexts {

    private final Map<String, NudgeMessages> bundles;
    private final long warmUpLeadMinutes;

    NudgeTexts(ReminderConfig config) {
        // Every supported language has its bundle, or the first nudge fails here rather than one of them later.
        this.bundles = Presentation.SUPPORTED_LOCALES.stream().map(locale -> locale.toLanguageTag())
                .collect(Collectors.toUnmodifiableMap(Function.identity(),
                        tag -> MessageBundles.get(NudgeMessages.class, Localized.Literal.of(tag))));
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
