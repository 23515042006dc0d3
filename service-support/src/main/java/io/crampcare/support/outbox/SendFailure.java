package io.crampcare.support.outbox;

/** Why a row was not acknowledged, and whether trying again can help (Kafka's RetriableException). */
record SendFailure(String message, boolean retriable) {
}
