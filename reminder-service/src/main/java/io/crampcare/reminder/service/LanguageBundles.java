package io.crampcare.reminder.service;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crampcare.reminder.model.Presentation;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** A Qute message bundle in every supported language, by language tag ({@link Presentation#localeTag()}). */
final class LanguageBundles {

    private LanguageBundles() {
    }

    /** Each language's instance, looked up now: a language without its bundle fails at start, not on a later text. */
    static <T> Map<String, T> of(Class<T> bundle) {
        return Presentation.SUPPORTED_LOCALES.stream().map(locale -> locale.toLanguageTag())
                .collect(Collectors.toUnmodifiableMap(Function.identity(),
                        tag -> MessageBundles.get(bundle, Localized.Literal.of(tag))));
    }
}
