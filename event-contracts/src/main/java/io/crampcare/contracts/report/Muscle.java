package io.crampcare.contracts.report;

/** The muscle that cramped. The glutes come first: the product follows an article about them. */
public enum Muscle {
    GLUTEUS_MAXIMUS,
    GLUTEUS_MEDIUS,
    GLUTEUS_MINIMUS,
    PIRIFORMIS,
    HAMSTRING,
    QUADRICEPS,
    ADDUCTOR,
    HIP_FLEXOR,
    CALF,
    FOOT,
    LOWER_BACK,
    OTHER
}
