package io.crampcare.contracts.drink;

/** Why a drink left the log. */
public enum DrinkDeletion {
    /** The person deleted it. */
    UNDONE,
    /**
     * A drink the person logged for the same nudge replaced the drink a DONE answer recorded (at most one live drink
     * per nudge); the deletion names the new drink.
     */
    REPLACED
}
