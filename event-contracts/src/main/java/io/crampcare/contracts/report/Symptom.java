package io.crampcare.contracts.report;

/**
 * Accompanying symptoms that change how urgent the advice is (see the advice rules in DESIGN.md): signs of what cramps
 * come with or are mistaken for. An open enum: constants are added within v1 (see the event catalogue, "Versioning"),
 * and a consumer must tolerate a constant it does not know.
 */
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
    SWELLING_OR_REDNESS,
    /** A headache (with much drinking: a sign of low blood sodium; in heat: of heat illness). */
    HEADACHE,
    /** Feeling sick or being sick. */
    NAUSEA_OR_VOMITING,
    /** Dizziness or light-headedness. */
    DIZZINESS,
    /** Confusion, disorientation or behaving unlike oneself, as others may notice (emergency). */
    CONFUSION,
    /** Fainting, collapsing or being unable to stand or walk (emergency). */
    FAINTING_OR_COLLAPSE,
    /** A seizure (fit) (emergency). */
    SEIZURE,
    /** Dark brown, red or cola-coloured urine, not just dark yellow (muscle-breakdown sign; emergency). */
    DARK_URINE,
    /** Short of breath at rest, or more than the effort explains (emergency). */
    SHORTNESS_OF_BREATH,
    /** A fever: a temperature of 38 °C (100.4 °F) or more, or feeling hot and shivery. */
    FEVER
}
