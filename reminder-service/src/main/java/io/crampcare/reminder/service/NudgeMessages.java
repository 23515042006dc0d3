package io.crampcare.reminder.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts fired nudges carry, in English here and in the other languages in {@code messages/nudge_<tag>.properties}
 * (one file per {@link io.crampcare.reminder.model.Presentation#SUPPORTED_LOCALES} entry besides English, keys named as
 * the methods). Amounts come formatted in the person's unit and language.
 */
@MessageBundle(value = "nudge", locale = "en")
public interface NudgeMessages {

    @Message("Time for a drink: about {amount} of water, sipped rather than gulped.")
    String hydration(String amount);

    @Message("Workout in about 4 hours: drink {amount} of water now, slowly.")
    String preExerciseHydration(String amount);

    @Message("Your workout starts in {minutes} minutes: warm up with 5-10 minutes of easy movement first.")
    String warmUp(long minutes);

    @Message("Workout done? Stretch your glutes and hips now, holding each stretch without bouncing.")
    String stretch();
}
