package io.crampcare.contracts.report;

/** How the cramp began: a gradual tightening, or a sudden severe cramp (the article's two patterns). */
public enum Onset {
    GRADUAL,
    SUDDEN
}
