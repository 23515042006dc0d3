package io.crampcare.advice.rules;

import java.time.Duration;

/**
 * When cramps count as "frequent although following the advice" (a product choice, from configuration).
 *
 * @param frequentReports reports within the window, the current one included
 * @param window          the window ending at the current report
 * @param minAdherence    share of hydration and warm-up nudges done within the window, 0..1
 */
public record Thresholds(int frequentReports, Duration window, double minAdherence) {
}
