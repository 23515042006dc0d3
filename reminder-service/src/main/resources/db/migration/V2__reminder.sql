-- A person's nudge preferences; version is the ETag.
CREATE TABLE preferences (
    user_id      text PRIMARY KEY,
    time_zone    text        NOT NULL,
    waking_start time        NOT NULL,
    waking_end   time        NOT NULL,
    quiet_start  time,
    quiet_end    time,
    daily_cap    integer     NOT NULL,
    kinds        text        NOT NULL,   -- comma-separated NudgeKind names
    version      integer     NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- The latest water plan from the advice service, per user: days without new advice roll forward with it.
CREATE TABLE hydration_target (
    user_id         text PRIMARY KEY,
    advice_id       uuid        NOT NULL,
    daily_target_ml integer     NOT NULL,
    max_per_hour_ml integer     NOT NULL,
    pre_exercise_ml integer,
    updated_at      timestamptz NOT NULL
);

-- Marks a user's local day as planned (whichever replica inserts it plans the day).
CREATE TABLE hydration_day (
    user_id    text NOT NULL,
    local_date date NOT NULL,
    advice_id  uuid NOT NULL,
    target_ml  integer NOT NULL,
    PRIMARY KEY (user_id, local_date)
);

CREATE TABLE workout (
    id               uuid PRIMARY KEY,
    user_id          text        NOT NULL,
    one_off_start    timestamptz,
    weekly_days      text,                -- comma-separated DayOfWeek names
    weekly_start     time,
    duration_minutes integer     NOT NULL,
    intensity        text        NOT NULL,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz,
    CHECK ((one_off_start IS NOT NULL) <> (weekly_days IS NOT NULL AND weekly_start IS NOT NULL))
);
CREATE INDEX workout_user ON workout (user_id) WHERE deleted_at IS NULL;

-- Every nudge, planned or past. The dispatcher claims due PLANNED rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE nudge (
    id          uuid PRIMARY KEY,
    user_id     text        NOT NULL,
    kind        text        NOT NULL,
    due_at      timestamptz NOT NULL,
    local_date  date        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('PLANNED', 'FIRED', 'DONE', 'SKIPPED', 'EXPIRED')),
    amount_ml   integer,
    workout_id  uuid,
    advice_id   uuid,
    fired_at    timestamptz,
    answered_at timestamptz,
    snoozes     integer     NOT NULL DEFAULT 0
);
CREATE INDEX nudge_planned_due ON nudge (due_at) WHERE status = 'PLANNED';
CREATE INDEX nudge_user_time ON nudge (user_id, due_at DESC, id DESC);
-- One nudge per kind per workout occurrence, however many replicas plan it.
CREATE UNIQUE INDEX nudge_workout_occurrence ON nudge (workout_id, kind, local_date) WHERE workout_id IS NOT NULL;
