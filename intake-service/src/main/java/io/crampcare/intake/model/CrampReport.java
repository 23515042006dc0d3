package io.crampcare.intake.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Side;
import io.crampcare.contracts.report.Symptom;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A cramp report as accepted; never changed afterwards. Field meanings: {@code CrampReportRequest}.
 *
 * Table and columns are the names in snake_case (the physical naming strategy); the schema, with its constraints, is
 * the Flyway migrations'.
 */
@Entity
public class CrampReport extends PanacheEntityBase {

    @Id
    public UUID id;
    public String userId;
    public Instant occurredAt;
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Muscle muscle;
    @Enumerated(EnumType.STRING)
    public Side side;
    @Enumerated(EnumType.STRING)
    public Onset onset;
    public int severity;
    public int durationSeconds;
    @Enumerated(EnumType.STRING)
    public CrampContext context;
    @Enumerated(EnumType.STRING)
    public ActivityType activityType;
    @Enumerated(EnumType.STRING)
    public Intensity activityIntensity;
    public Integer activityMinutes;
    public Boolean warmedUp;
    public Boolean stretchedAfter;
    public Boolean sweatingHeavily;
    public Integer waterTodayMl;
    public Boolean visibleLump;
    @Enumerated(EnumType.STRING)
    public Relief reliefBy;
    @Convert(converter = SymptomsConverter.class)
    public Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    public Boolean newMedication;
    public Double bodyWeightKg;
    public String notes;
    public Boolean hotEnvironment;
    public Integer waterLastHourMl;
    public Boolean unaccustomedExercise;
    public Boolean takesStatin;
}
