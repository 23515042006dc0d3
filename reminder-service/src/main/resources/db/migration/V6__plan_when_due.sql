-- The roll-forward asks only for what is due, through an index, so its cost per minute does not grow with the number
-- of users and workouts (PlanningService.rollForward).
-- next_plan_at: when the user's next local day has to be planned (after their local midnight, spread over the
-- morning so that a zone's users are not all planned in one minute). Existing users are spread over 12 hours.
ALTER TABLE hydration_target ADD COLUMN next_plan_at timestamptz;
UPDATE hydration_target SET next_plan_at = now() + (abs(hashtext(user_id)) % 720) * interval '1 minute';
ALTER TABLE hydration_target ALTER COLUMN next_plan_at SET NOT NULL;
CREATE INDEX hydration_target_next_plan ON hydration_target (next_plan_at);

-- plan_next_at: when a workout's later occurrences have to be planned; null once nothing is left to plan (a one-off
-- workout whose nudges are planned: retired from the roll-forward). Existing workouts are looked at once.
ALTER TABLE workout ADD COLUMN plan_next_at timestamptz;
UPDATE workout SET plan_next_at = now() WHERE deleted_at IS NULL;
CREATE INDEX workout_plan_next ON workout (plan_next_at) WHERE deleted_at IS NULL AND plan_next_at IS NOT NULL;
-- Replanning a user (new preferences) finds their unfired nudges through this.
CREATE INDEX nudge_user_planned ON nudge (user_id) WHERE status = 'PLANNED';
