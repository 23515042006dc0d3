/*
 * LD_PRELOAD shim that moves one process's wall clock by CRAMPCARE_TEST_CLOCK_SHIFT_SECONDS (may be negative):
 * clock_gettime(CLOCK_REALTIME*), gettimeofday and time. Monotonic clocks stay as they are (System.nanoTime,
 * timeouts), as on a host whose wall clock is simply wrong. The JVM reads the wall clock (Instant.now,
 * System.currentTimeMillis) through libc's clock_gettime, so this moves it. Built by the system tests with gcc
 * (ClockShift.java); libfaketime does the same but is not installed on a fresh machine.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static time_t shift(void) {
    static time_t seconds = -1;
    if (seconds == -1) {
        const char *value = getenv("CRAMPCARE_TEST_CLOCK_SHIFT_SECONDS");
        seconds = value == NULL ? 0 : (time_t) atoll(value);
    }
    return seconds;
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
    static int (*real)(clockid_t, struct timespec *);
    if (real == NULL) {
        real = (int (*)(clockid_t, struct timespec *)) dlsym(RTLD_NEXT, "clock_gettime");
    }
    int result = real(clock, ts);
    if (result == 0 && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)) {
        ts->tv_sec += shift();
    }
    return result;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
    static int (*real)(struct timeval *restrict, void *restrict);
    if (real == NULL) {
        real = (int (*)(struct timeval *restrict, void *restrict)) dlsym(RTLD_NEXT, "gettimeofday");
    }
    int result = real(tv, tz);
    if (result == 0) {
        tv->tv_sec += shift();
    }
    return result;
}

time_t time(time_t *out) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (out != NULL) {
        *out = now.tv_sec;
    }
    return now.tv_sec;
}
