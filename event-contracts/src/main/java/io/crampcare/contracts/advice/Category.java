package io.crampcare.contracts.advice;

/** What a recommendation is about. */
public enum Category {
    HYDRATION,
    NUTRITION,
    WARM_UP,
    STRETCHING,
    IMMEDIATE_RELIEF,
    TRAINING_LOAD,
    MEDICAL
}
