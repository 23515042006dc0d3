package io.crampcare.reminder.model;

import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Stored preferences; {@code version} is the ETag. */
@Entity
@Table(name = "preferences")
public class UserPreferences extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "waking_start", nullable = false)
    public LocalTime wakingStart;
    @Column(name = "waking_end", nullable = false)
    public LocalTime wakingEnd;
    @Column(name = "quiet_start")
    public LocalTime quietStart;
    @Column(name = "quiet_end")
    public LocalTime quietEnd;
    @Column(name = "daily_cap", nullable = false)
    public int dailyCap;
    /** Comma-separated NudgeKind names. */
    @Column(nullable = false)
    public String kinds;
    @Column(nullable = false)
    public int version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
