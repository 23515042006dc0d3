-- What people drink (issue 31): drinks they log, and the portion of a drink nudge they answered DONE. Amounts are
-- millilitres; a drink is one drink, not a day's total (2 L at most, the API's own limit). Deleting one (an undo)
-- removes the row.
CREATE TABLE drink (
    id        uuid PRIMARY KEY,
    user_id   text        NOT NULL,
    drunk_at  timestamptz NOT NULL,
    amount_ml integer     NOT NULL CHECK (amount_ml BETWEEN 1 AND 2000),
    kind      text        NOT NULL CHECK (kind IN ('WATER', 'SPORTS_DRINK', 'OTHER')),
    source    text        NOT NULL CHECK (source IN ('LOGGED', 'NUDGE_DONE')),
    nudge_id  uuid,
    logged_at timestamptz NOT NULL
);
-- A user's drinks by time: the day's sums, the guard's hours, the history (newest first, paged by (drunk_at, id)).
CREATE INDEX drink_user_time ON drink (user_id, drunk_at DESC, id DESC);
-- A drink nudge's portion counts once: the DONE answer and a drink logged for the same nudge are one drink.
CREATE UNIQUE INDEX drink_per_nudge ON drink (nudge_id) WHERE nudge_id IS NOT NULL;
-- Drink nudges answered DONE before the log existed are drinks too, drunk when answered: from now on a DONE nudge
-- counts through its drink (and one whose drink was deleted, an undo, counts no more). No event announces these.
INSERT INTO drink (id, user_id, drunk_at, amount_ml, kind, source, nudge_id, logged_at)
SELECT gen_random_uuid(), user_id, coalesce(answered_at, due_at), amount_ml, 'WATER', 'NUDGE_DONE', id,
       coalesce(answered_at, due_at)
FROM nudge
WHERE status = 'DONE' AND kind IN ('HYDRATION', 'PRE_EXERCISE_HYDRATION') AND amount_ml BETWEEN 1 AND 2000;

-- A day's water may now stop for what was drunk (the overdrinking guard is live), also for users without advice:
-- the day's row then has no advice. stopped_by says why it stopped: ADVICE (drinkToThirstOnly, an emergency), HOURLY
-- (more than the hourly guard drunk within an hour), DAILY (more than the safe daily ceiling drunk that day). Rows
-- stopped before this migration were stopped by advice.
ALTER TABLE hydration_day ALTER COLUMN advice_id DROP NOT NULL,
    ADD COLUMN stopped_by text CHECK (stopped_by IN ('ADVICE', 'HOURLY', 'DAILY'));
UPDATE hydration_day SET stopped_by = 'ADVICE' WHERE drink_to_thirst;
ALTER TABLE hydration_day ADD CONSTRAINT hydration_day_stopped_why CHECK (drink_to_thirst = (stopped_by IS NOT NULL));

-- What a day's water is measured against for the person (today's status, the history, the streak): the advice's
-- daily target for that day, and what the day's report said was drunk before it (waterTodayMl), with its time, so
-- that drinks logged before the report are not counted twice. Null on rows from before this migration.
ALTER TABLE hydration_day ADD COLUMN daily_target_ml integer, ADD COLUMN reported_ml integer,
    ADD COLUMN reported_at timestamptz;
