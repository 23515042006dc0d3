package io.crampcare.reminder.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.crampcare.contracts.report.Intensity;
import io.crampcare.reminder.planning.WorkoutPlan;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A registered workout: one-off (oneOffStart) or weekly (weeklyDays at weeklyStart, local time). Columns are the
 * fields' names in snake case (the service's physical naming strategy); nullability is the schema's.
 */
@Entity
public class Workout extends PanacheEntityBase {

    @Id
    public UUID id;
    public String userId;
    public Instant oneOffStart;
    @Convert(converter = DayOfWeekSet.class)
    public Set<DayOfWeek> weeklyDays;
    public LocalTime weeklyStart;
    public int durationMinutes;
    @Enumerated(EnumType.STRING)
    public Intensity intensity;
    public Instant createdAt;
    public Instant deletedAt;
    /** When the roll-forward has to plan later occurrences; null when none are left (a planned one-off workout). */
    public Instant planNextAt;

    /** When the workout happens, as the planning core takes it. */
    public WorkoutPlan plan() {
        return new WorkoutPlan(oneOffStart, weeklyDays, weeklyStart, durationMinutes);
    }
}
