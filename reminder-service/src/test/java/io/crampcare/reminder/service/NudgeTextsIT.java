package io.crampcare.reminder.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.Presentation;
import io.crampcare.reminder.model.VolumeUnit;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The nudge texts as the message bundles render them (a Quarkus test: the bundles are generated at build time), in
 * each supported language and unit. The English ones are word for word those the service sent before the bundles.
 */
@QuarkusTest
class NudgeTextsIT {

    @Inject
    NudgeTexts texts;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "HYDRATION              | en | ML       | Time for a drink: about 250 mL of water, sipped rather than gulped.",
            "HYDRATION              | en | US_FL_OZ | Time for a drink: about 8.5 fl oz of water, sipped rather than gulped.",
            "HYDRATION              | de | ML       | Zeit zum Trinken: etwa 250 ml Wasser, lieber in kleinen Schlucken als auf einmal.",
            "HYDRATION              | de | US_FL_OZ | Zeit zum Trinken: etwa 8,5 fl oz Wasser, lieber in kleinen Schlucken als auf einmal.",
            "PRE_EXERCISE_HYDRATION | en | ML       | Workout in about 4 hours: drink 1,250 mL of water now, slowly.",
            "PRE_EXERCISE_HYDRATION | en | US_FL_OZ | Workout in about 4 hours: drink 42.3 fl oz of water now, slowly.",
            "PRE_EXERCISE_HYDRATION | de | ML       | Training in etwa 4 Stunden: Trink jetzt langsam 1.250 ml Wasser.",
            "PRE_EXERCISE_HYDRATION | de | US_FL_OZ | Training in etwa 4 Stunden: Trink jetzt langsam 42,3 fl oz Wasser.",
            "WARM_UP                | en | ML       | Your workout starts in 15 minutes: warm up with 5-10 minutes of easy movement first.",
            "WARM_UP                | de | US_FL_OZ | Dein Training beginnt in 15 Minuten: Wärm dich vorher 5 bis 10 Minuten mit lockeren Bewegungen auf.",
            "STRETCH                | en | US_FL_OZ | Workout done? Stretch your glutes and hips now, holding each stretch without bouncing.",
            "STRETCH                | de | ML       | Training geschafft? Dehne jetzt Gesäß und Hüfte und halte jede Dehnung ruhig, ohne zu wippen." })
    void eachKindSpeaksThePersonsLanguageAndUnit(NudgeKind kind, String tag, VolumeUnit unit, String text) {
        int amountMl = kind == NudgeKind.PRE_EXERCISE_HYDRATION ? 1250 : 250;
        assertEquals(text, texts.of(kind, amountMl, new Presentation(unit, Locale.forLanguageTag(tag))));
    }
}
