package io.crampcare.reminder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeUnitTest {

    @ParameterizedTest(name = "{0} mL = {1} fl oz")
    @CsvSource({
            "0, 0.0",
            "5, 0.2",
            "236, 8.0",      // 7.980
            "250, 8.5",      // 8.4535
            "1893, 64.0",    // the article's 64 oz
            "2000, 67.6",
            "4000, 135.3" }) // 135.256
    void millilitresAreOuncesToOneDecimalHalfUp(int ml, String oz) {
        assertEquals(new BigDecimal(oz), VolumeUnit.US_FL_OZ.fromMl(ml));
        assertEquals(BigDecimal.valueOf(ml), VolumeUnit.ML.fromMl(ml));
    }

    @ParameterizedTest(name = "{0} {1} = {2} mL")
    @CsvSource({
            "US_FL_OZ, 8, 237",    // 236.588
            "US_FL_OZ, 8.5, 251",  // 251.37
            "US_FL_OZ, 64, 1893",  // 1892.70
            "US_FL_OZ, 0.1, 3",    // 2.957
            "ML, 250, 250",
            "ML, 0.5, 1" })
    void anAmountInAUnitIsWholeMillilitresHalfUp(VolumeUnit unit, String amount, int ml) {
        assertEquals(ml, unit.toMl(new BigDecimal(amount)));
    }

    @ParameterizedTest(name = "{0} mL")
    @CsvSource({ "250", "500", "1000", "1893", "3000" })
    void ouncesShownReadBackWithinHalfATenth(int ml) {
        int back = VolumeUnit.US_FL_OZ.toMl(VolumeUnit.US_FL_OZ.fromMl(ml));
        // A tenth of an ounce is under 3 mL: what a person copies from the screen is within 1.5 mL of the truth.
        assertEquals(ml, back, 1.5);
    }

    @ParameterizedTest(name = "{0} mL in {1}, {2}: \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "250   | ML       | en | 250 mL",
            "250   | ML       | de | 250 ml",
            "1250  | ML       | en | 1,250 mL",
            "1250  | ML       | de | 1.250 ml",
            "250   | US_FL_OZ | en | 8.5 fl oz",
            "250   | US_FL_OZ | de | 8,5 fl oz",
            "236   | US_FL_OZ | en | 8 fl oz",
            "1893  | US_FL_OZ | de | 64 fl oz",
            "30000 | US_FL_OZ | en | 1,014.4 fl oz",
            "30000 | US_FL_OZ | de | 1.014,4 fl oz" })
    void amountsAreWrittenAsReadersOfTheLanguageWriteThem(int ml, VolumeUnit unit, String tag, String shown) {
        assertEquals(shown, unit.format(ml, Locale.forLanguageTag(tag)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "US_FL_OZ", "ML" })
    void anAmountPastAnIntIsRefused(VolumeUnit unit) {
        assertThrows(ArithmeticException.class, () -> unit.toMl(new BigDecimal("1e12")));
    }
}
