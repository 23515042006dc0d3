package io.crampcare.reminder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresentationTest {

    @Test
    void theDefaultsAreMillilitresInEnglish() {
        assertEquals(new Presentation(VolumeUnit.ML, Locale.ENGLISH), Presentation.defaults());
        assertEquals("en", Presentation.defaults().localeTag());
        assertEquals("en, de", Presentation.supportedTags());
    }

    @Test
    void theSupportedTagsNameTheirLocales() {
        assertEquals(Optional.of(Locale.ENGLISH), Presentation.supportedLocale("en"));
        assertEquals(Optional.of(Locale.GERMAN), Presentation.supportedLocale("de"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "fr", "de-DE", "DE", "en-US", "", "und", "deutsch" })
    void anyOtherTagIsNotGuessedAt(String tag) {
        assertEquals(Optional.empty(), Presentation.supportedLocale(tag));
    }

    @Test
    void anUnsupportedLocaleCannotBeHeld() {
        assertThrows(IllegalArgumentException.class, () -> new Presentation(VolumeUnit.ML, Locale.FRENCH));
        assertThrows(IllegalArgumentException.class, () -> new Presentation(VolumeUnit.ML, Locale.GERMANY));
    }

    @Test
    void amountsFollowTheUnitAndTheLanguage() {
        assertEquals("8,5 fl oz", new Presentation(VolumeUnit.US_FL_OZ, Locale.GERMAN).amount(250));
        assertEquals("1,000 mL", Presentation.defaults().amount(1000));
    }
}
