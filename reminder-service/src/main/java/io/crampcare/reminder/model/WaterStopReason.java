package io.crampcare.reminder.model;

/** Why a day has no more water or pre-exercise drink nudges (column hydration_day.stopped_by). */
public enum WaterStopReason {
    /** The advice said drink to thirst only (its overdrinking guard), or it was an emergency. */
    ADVICE,
    /** More than the hourly guard was drunk within an hour (the drink log). */
    HOURLY,
    /** More than the safe daily ceiling was drunk that day (the drink log). */
    DAILY
}
