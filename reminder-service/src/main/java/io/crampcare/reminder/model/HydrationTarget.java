package io.crampcare.reminder.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.crampcare.reminder.planning.PlanSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest water plan from the advice service for a user; later days roll forward with it. */
@Entity
@Table(name = "hydration_target")
public class HydrationTarget extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "advice_id", nullable = false)
    public UUID adviceId;
    @Column(name = "daily_target_ml", nullable = false)
    public int dailyTargetMl;
    @Column(name = "max_per_hour_ml", nullable = false)
    public int maxPerHourMl;
    @Column(name = "pre_exercise_ml")
    public Integer preExerciseMl;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** When the advised report's cramp began; null if the advice did not say (older producers). */
    @Column(name = "report_occurred_at")
    public Instant reportOccurredAt;
    /** When the advice was issued; null for plans stored before this was recorded. */
    @Column(name = "advice_issued_at")
    public Instant adviceIssuedAt;
    /** When the roll-forward has to plan this user's next local day. */
    @Column(name = "next_plan_at", nullable = false)
    public Instant nextPlanAt;

    /** The advice this plan comes from, to compare a newly arrived one with. */
    public PlanSource source() {
        return new PlanSource(adviceId, reportOccurredAt, adviceIssuedAt);
    }
}
