package io.crampcare.reminder.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to speak to a person: the unit amounts are shown in and the language of texts. Presentation only, so it is kept
 * apart from the planning {@link io.crampcare.reminder.planning.Preferences}: changing it replans nothing.
 *
 * @param unit   the unit amounts are shown in (the API's numbers stay millilitres)
 * @param locale the language of texts, one of {@link #SUPPORTED_LOCALES}
 */
public record Presentation(VolumeUnit unit, Locale locale) {

    /** The languages texts exist in (a message bundle each), as BCP 47 language tags "en" and "de". */
    public static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.ENGLISH, Locale.GERMAN);

    public Presentation {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(locale, "locale");
        if (!SUPPORTED_LOCALES.contains(locale)) {
            throw new IllegalArgumentException("unsupported locale " + locale);
        }
    }

    /** For someone who never said: millilitres, English. */
    public static Presentation defaults() {
        return new Presentation(VolumeUnit.ML, Locale.ENGLISH);
    }

    /**
     * The supported locale a language tag names, exactly as {@link #localeTag()} writes it ("de", not "de-DE" or "DE"):
     * there is one spelling of each, and nothing is guessed.
     */
    public static Optional<Locale> supportedLocale(String tag) {
        return SUPPORTED_LOCALES.stream().filter(locale -> locale.toLanguageTag().equals(tag)).findFirst();
    }

    /** The supported language tags, for messages that list them: "en, de". */
    public static String supportedTags() {
        return String.join(", ", SUPPORTED_LOCALES.stream().map(Locale::toLanguageTag).toList());
    }

    /** The locale as a BCP 47 language tag ("en", "de"), as the API and the database hold it. */
    public String localeTag() {
        return locale.toLanguageTag();
    }

    /** An amount in this person's unit and language: "250 mL", "8,5 fl oz". */
    public String amount(int ml) {
        return unit.format(ml, locale);
    }
}
