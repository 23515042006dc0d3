package io.crampcare.reminder.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.crampcare.contracts.nudge.NudgeKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A nudge, planned or past. */
@Entity
@Table(name = "nudge")
public class Nudge extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NudgeKind kind;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NudgeStatus status;
    @Column(name = "amount_ml")
    public Integer amountMl;
    @Column(name = "workout_id")
    public UUID workoutId;
    @Column(name = "advice_id")
    public UUID adviceId;
    @Column(name = "fired_at")
    public Instant firedAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(nullable = false)
    public int snoozes;
}
