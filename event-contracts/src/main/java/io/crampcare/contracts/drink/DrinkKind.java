package io.crampcare.contracts.drink;

/** What was drunk. An open enum: consumers read a constant they do not know as unknown. */
public enum DrinkKind {
    WATER,
    /** A sports or electrolyte drink. */
    SPORTS_DRINK,
    /** Any other drink; what it was is not recorded (no free text on the topic). */
    OTHER
}
