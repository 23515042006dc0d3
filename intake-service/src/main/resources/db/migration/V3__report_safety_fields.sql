-- Issue 16: what the advice needs to recognise the conditions cramps come with or are mistaken for. New symptoms
-- need no change: the symptoms column holds Symptom names.
ALTER TABLE cramp_report
    ADD COLUMN hot_environment       boolean,
    ADD COLUMN water_last_hour_ml    integer CHECK (water_last_hour_ml BETWEEN 0 AND 20000),
    ADD COLUMN unaccustomed_exercise boolean,
    ADD COLUMN takes_statin          boolean;
