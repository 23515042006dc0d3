package io.crampcare.contracts.report;

/**
 * The workout the cramp came during or after.
 *
 * @param type      what kind of exercise
 * @param intensity perceived effort
 * @param minutes   how long it lasted
 */
public record Activity(ActivityType type, Intensity intensity, Integer minutes) {
}
