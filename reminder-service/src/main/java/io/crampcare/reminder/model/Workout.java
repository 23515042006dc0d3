package io.crampcare.reminder.model;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.crampcare.contracts.report.Intensity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered workout: one-off (oneOffStart) or weekly (weeklyDays at weeklyStart, local time). */
@Entity
@Table(name = "workout")
public class Workout extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "one_off_start")
    public Instant oneOffStart;
    /** Comma-separated DayOfWeek names. */
    @Column(name = "weekly_days")
    public String weeklyDays;
    @Column(name = "weekly_start")
    public LocalTime weeklyStart;
    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Intensity intensity;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    /** When the roll-forward has to plan later occurrences; null when none are left (a planned one-off workout). */
    @Column(name = "plan_next_at")
    public Instant planNextAt;
}
