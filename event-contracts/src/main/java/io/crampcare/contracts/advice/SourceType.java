package io.crampcare.contracts.advice;

/** Where a rule comes from: the article the product follows, or the cited literature. */
public enum SourceType {
    ARTICLE,
    LITERATURE
}
