-- A day on which no water may be planned any more: the advice's overdrinking guard held for it (drinkToThirstOnly)
-- or an EMERGENCY advice came for a report of that day. Sticky for the day: only the next day plans water again.
ALTER TABLE hydration_day ADD COLUMN drink_to_thirst boolean NOT NULL DEFAULT false;
