package io.crampcare.intake.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Side;
import io.crampcare.contracts.report.Symptom;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cramp report as accepted; never changed afterwards. Field meanings: {@code CrampReportRequest}. */
@Entity
@Table(name = "cramp_report")
public class CrampReport extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Muscle muscle;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Onset onset;
    @Column(nullable = false)
    public int severity;
    @Column(name = "duration_seconds", nullable = false)
    public int durationSeconds;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CrampContext context;
    @Enumerated(EnumType.STRING)
    @Column(name = "activity_type")
    public ActivityType activityType;
    @Enumerated(EnumType.STRING)
    @Column(name = "activity_intensity")
    public Intensity activityIntensity;
    @Column(name = "activity_minutes")
    public Integer activityMinutes;
    @Column(name = "warmed_up")
    public Boolean warmedUp;
    @Column(name = "stretched_after")
    public Boolean stretchedAfter;
    @Column(name = "sweating_heavily")
    public Boolean sweatingHeavily;
    @Column(name = "water_today_ml")
    public Integer waterTodayMl;
    @Column(name = "visible_lump")
    public Boolean visibleLump;
    @Enumerated(EnumType.STRING)
    @Column(name = "relief_by")
    public Relief reliefBy;
    @Convert(converter = SymptomsConverter.class)
    @Column(nullable = false)
    public Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    @Column(name = "new_medication")
    public Boolean newMedication;
    @Column(name = "body_weight_kg")
    public Double bodyWeightKg;
    public String notes;
    @Column(name = "hot_environment")
    public Boolean hotEnvironment;
    @Column(name = "water_last_hour_ml")
    public Integer waterLastHourMl;
    @Column(name = "unaccustomed_exercise")
    public Boolean unaccustomedExercise;
    @Column(name = "takes_statin")
    public Boolean takesStatin;
}
