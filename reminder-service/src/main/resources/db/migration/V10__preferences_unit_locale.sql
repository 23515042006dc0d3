-- How a person wants to be spoken to (issue 31): the unit amounts are shown in and the language of texts. Existing
-- rows take the defaults, millilitres and English. The checks keep an unknown value out of the table: the dispatcher
-- reads these columns for every nudge it fires, and one unreadable row would stop its whole batch.
ALTER TABLE preferences
    ADD COLUMN unit   text NOT NULL DEFAULT 'ML' CONSTRAINT preferences_unit_known CHECK (unit IN ('ML', 'US_FL_OZ')),
    ADD COLUMN locale text NOT NULL DEFAULT 'en' CONSTRAINT preferences_locale_supported CHECK (locale IN ('en', 'de'));
