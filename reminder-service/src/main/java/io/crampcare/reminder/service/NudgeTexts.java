package io.crampcare.reminder.service;

import java.util.Locale;

import io.crampcare.contracts.nudge.NudgeKind;

/** The short message each kind of nudge carries. */
final class NudgeTexts {

    private NudgeTexts() {
    }

    static String of(NudgeKind kind, Integer amountMl, long warmUpLeadMinutes) {
        return switch (kind) {
            case HYDRATION -> "Time for a drink: about " + ml(amountMl) + " of water, sipped rather than gulped.";
            case PRE_EXERCISE_HYDRATION -> "Workout in about 4 hours: drink " + ml(amountMl) + " of water now, slowly.";
            case WARM_UP -> "Your workout starts in " + warmUpLeadMinutes
                    + " minutes: warm up with 5-10 minutes of easy movement first.";
            case STRETCH -> "Workout done? Stretch your glutes and hips now, holding each stretch without bouncing.";
        };
    }

    private static String ml(Integer amountMl) {
        return String.format(Locale.ROOT, "%,d mL", amountMl == null ? 0 : amountMl);
    }
}
