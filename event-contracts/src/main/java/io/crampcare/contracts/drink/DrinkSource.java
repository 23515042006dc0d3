package io.crampcare.contracts.drink;

/** How a drink came into the log. */
public enum DrinkSource {
    /** The person logged it. */
    LOGGED,
    /**
     * A DONE answer on a water or pre-exercise drink nudge, counted as drinking that nudge's amount; the drink names
     * the nudge.
     */
    NUDGE_DONE
}
