package io.crampcare.reminder.model;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.planning.Preferences;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Stored preferences; {@code version} is the ETag. Columns are the fields' names in snake case (the service's physical
 * naming strategy); nullability is the schema's.
 */
@Entity
@Table(name = "preferences")
public class UserPreferences extends PanacheEntityBase {

    @Id
    public String userId;
    public String timeZone;
    public LocalTime wakingStart;
    public LocalTime wakingEnd;
    public LocalTime quietStart;
    public LocalTime quietEnd;
    public int dailyCap;
    @Convert(converter = NudgeKindSet.class)
    public Set<NudgeKind> kinds;
    @Enumerated(EnumType.STRING)
    public VolumeUnit unit;
    /** A BCP 47 language tag, one of {@link Presentation#SUPPORTED_LOCALES}. */
    public String locale;
    public int version;
    public Instant updatedAt;

    /** The preferences this row holds. */
    public Preferences preferences() {
        return new Preferences(ZoneId.of(timeZone), wakingStart, wakingEnd, quietStart, quietEnd, dailyCap, kinds);
    }

    /** Takes every setting of {@code preferences} (the version and time are the caller's). */
    public void hold(Preferences preferences) {
        timeZone = preferences.zone().getId();
        wakingStart = preferences.wakingStart();
        wakingEnd = preferences.wakingEnd();
        quietStart = preferences.quietStart();
        quietEnd = preferences.quietEnd();
        dailyCap = preferences.dailyCap();
        kinds = EnumSet.noneOf(NudgeKind.class);
        kinds.addAll(preferences.kinds());
    }

    /** How this person wants to be spoken to. */
    public Presentation presentation() {
        return new Presentation(unit, Locale.forLanguageTag(locale));
    }

    /** Takes the unit and the language of {@code presentation}. */
    public void hold(Presentation presentation) {
        unit = presentation.unit();
        locale = presentation.localeTag();
    }
}
