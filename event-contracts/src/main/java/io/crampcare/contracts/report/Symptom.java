package io.crampcare.contracts.report;

/** Accompanying symptoms that change how urgent the advice is (see the advice rules in DESIGN.md). */
public enum Symptom {
    /** Numbness in the leg or buttock (nerve-compression sign). */
    NUMBNESS,
    /** Tingling, "pins and needles" (nerve-compression sign). */
    TINGLING,
    /** Pain that travels from the lower back into the leg (nerve-compression sign). */
    PAIN_RADIATING_FROM_BACK,
    /** Buttock or thigh pain that comes on walking and eases within minutes of rest (blood-supply sign). */
    PAIN_ON_WALKING_EASED_BY_REST,
    /** New trouble controlling bladder or bowel (emergency red flag). */
    BLADDER_OR_BOWEL_CHANGE,
    /** Numbness around the groin, buttocks and inner thighs (emergency red flag). */
    SADDLE_NUMBNESS,
    /** Weakness or numbness in both legs (emergency red flag). */
    WEAKNESS_BOTH_LEGS,
    /** Chest pain together with the cramp (emergency). */
    CHEST_PAIN,
    /** Swelling, redness or warmth of the limb. */
    SWELLING_OR_REDNESS
}
