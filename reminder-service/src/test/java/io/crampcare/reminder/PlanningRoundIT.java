package io.crampcare.reminder;

import static io.crampcare.reminder.ReminderFixtures.ALL_KINDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.reminder.service.AdvicePlanning;
import io.crampcare.support.inbox.InboxEvent;
import io.crampcare.support.tracing.TraceContext;
import io.crampcare.testsupport.TestUsers;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A round of advice is planned set-based ({@link AdvicePlanning#onAdviceAll}): its rows are those of the same advice
 * applied one by one ({@link AdvicePlanning#onAdvice}), and its statements do not grow with its size.
 * <p>
 * Each case has twin users, set up alike: the first twin's advice goes in one round, the second's one by one, at the
 * same instant. The twins' ids end in "Aa" and "BB", whose String hash codes are equal, so their days' plan spread is
 * too. That instant is an hour ahead, so nothing planned falls due (and fires) while the test runs.
 */
@QuarkusTest
class PlanningRoundIT {

    private static final Logger LOG = Logger.getLogger(PlanningRoundIT.class);

    @Inject
    AdvicePlanning planning;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    private final Instant now = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
    private final ZoneOffset noon = ZoneOffset.of(ReminderFixtures.zoneWhereItIsAboutNoon());

    /** A twin pair: how each twin is set up, and its advice (the same ids for both). */
    private record Case(String name, BiConsumer<PlanningRoundIT, String> setUp, AdviceOf advice) {
    }

    @FunctionalInterface
    private interface AdviceOf {
        String of(PlanningRoundIT test, String user);
    }

    @Test
    void aRoundPlansWhatTheSameAdviceOneByOnePlans() {
        UUID first = UUID.randomUUID();
        UUID outdated = UUID.randomUUID();
        List<Case> cases = List.of(
                new Case("a new user with default preferences", (t, u) -> {
                }, (t, u) -> t.advice(u, UUID.randomUUID(), "SELF_CARE", water(2400, 600, null, null), 5)),
                new Case("fired water near this hour's and today's caps, a long waking day", (t, u) -> {
                    t.preferences(u, t.zone(3), "06:00", "23:30", 12, ALL_KINDS);
                    t.planned(u, first, 3000, 30);
                    for (int minutes : new int[] { 20, 50, 110, 170, 230, 290 }) {
                        t.drink(u, "HYDRATION", "FIRED", minutes, 900);
                    }
                }, (t, u) -> t.advice(u, UUID.randomUUID(), "SELF_CARE", water(4000, null, 1500, null), 5)),
                new Case("a pre-exercise drink planned within the hour", (t, u) -> {
                    t.preferences(u, t.zone(-2), "07:00", "22:00", 8, ALL_KINDS);
                    t.drink(u, "PRE_EXERCISE_HYDRATION", "PLANNED", -30, 800);
                    t.drink(u, "HYDRATION", "DONE", 40, 300);
                }, (t, u) -> t.advice(u, UUID.randomUUID(), "SELF_CARE", water(3200, 800, null, null), 5)),
                new Case("drink to thirst only, with water and a pre-exercise drink planned today", (t, u) -> {
                    t.preferences(u, t.zone(1), "07:00", "22:00", 8, ALL_KINDS);
                    t.planned(u, first, 2400, 60);
                    t.drink(u, "PRE_EXERCISE_HYDRATION", "PLANNED", -90, 500);
                }, (t, u) -> t.advice(u, UUID.randomUUID(), "SELF_CARE", water(2400, null, 0, true), 5)),
                new Case("an emergency", (t, u) -> {
                    t.preferences(u, t.zone(0), "07:00", "22:00", 8, ALL_KINDS);
                    t.planned(u, first, 2400, 60);
                }, (t, u) -> t.advice(u, UUID.randomUUID(), "EMERGENCY", null, 5)),
                new Case("an advice older than the plan's", (t, u) -> {
                    t.preferences(u, t.zone(0), "07:00", "22:00", 8, ALL_KINDS);
                    t.planned(u, first, 2400, 10);
                }, (t, u) -> t.advice(u, outdated, "SELF_CARE", water(5000, null, null, null), 600)),
                new Case("an advice without a water plan", (t, u) -> {
                    t.preferences(u, t.zone(0), "07:00", "22:00", 8, ALL_KINDS);
                    t.planned(u, first, 2400, 60);
                }, (t, u) -> t.advice(u, UUID.randomUUID(), "SEE_DOCTOR", null, 5)),
                new Case("water nudges turned off", (t, u) -> t.preferences(u, t.zone(0), "07:00", "22:00", 8,
                        List.of("WARM_UP", "STRETCH")),
                        (t, u) -> t.advice(u, UUID.randomUUID(), "SELF_CARE", water(2400, null, null, null), 5)),
                new Case("night in the user's zone, the report yesterday", (t, u) -> {
                    t.preferences(u, t.zone(13), "07:00", "22:00", 8, ALL_KINDS);
                    t.planned(u, first, 2000, 60 * 20);
                }, (t, u) -> t.advice(u, UUID.randomUUID(), "SELF_CARE", water(2600, null, 300, null), 60 * 18)));

        String prefix = TestUsers.newUser("round") + "-";
        List<InboxEvent<AdviceIssuedV1>> round = new ArrayList<>();
        Map<String, AdviceIssuedV1> oneByOne = new LinkedHashMap<>();
        Map<String, TraceContext> traces = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String inRound = prefix + i + "Aa";
            String alone = prefix + i + "BB";
            c.setUp().accept(this, inRound);
            c.setUp().accept(this, alone);
            // One advice for both: only the user differs.
            String advice = c.advice().of(this, inRound);
            TraceContext trace = new TraceContext("00-%032x-%016x-01".formatted(i + 1, i + 1), null);
            round.add(new InboxEvent<>(UUID.randomUUID().toString(), inRound, read(advice), trace));
            oneByOne.put(alone, read(advice.replace(inRound, alone)));
            traces.put(alone, trace);
        }

        QuarkusTransaction.requiringNew().run(() -> planning.onAdviceAll(round, now));
        oneByOne.forEach((user, advice) -> QuarkusTransaction.requiringNew().run(() -> {
            try (Scope scope = traces.get(user).asParent().makeCurrent()) {
                planning.onAdvice(advice, now);
            }
        }));

        List<String> planned = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            List<String> inRound = rows(prefix + i + "Aa");
            assertEquals(inRound, rows(prefix + i + "BB"), cases.get(i).name());
            planned.addAll(inRound);
        }
        assertFalse(planned.stream().noneMatch(row -> row.startsWith("nudge [HYDRATION")), "some water planned");
    }

    @Test
    void aRoundTakesAsManyStatementsForManyUsersAsForOne() {
        int one = statementsOfARound(1);
        int many = statementsOfARound(12);
        LOG.infof("Statements of a round of advice: %d for 1 user, %d for 12", one, many);
        assertEquals(one, many, "a statement per kind of row, whatever the round's size");
    }

    /** The statements a round of advice for {@code size} users with a plan already takes. */
    private int statementsOfARound(int size) {
        String prefix = TestUsers.newUser("round-size") + "-";
        List<InboxEvent<AdviceIssuedV1>> round = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String user = prefix + i;
            preferences(user, zone(i % 3), "07:00", "22:00", 8, ALL_KINDS);
            planned(user, UUID.randomUUID(), 2400, 60);
            round.add(new InboxEvent<>(UUID.randomUUID().toString(), user,
                    read(advice(user, UUID.randomUUID(), "SELF_CARE", water(2000 + 100 * i, null, 900, null), 5)),
                    null));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (StatementCounter counter = new StatementCounter()) {
                planning.onAdviceAll(round, now);
                return counter.executed();
            }
        });
    }

    /** A fixed-offset zone {@code hours} ahead of the one where it is about noon. */
    private String zone(int hours) {
        return ZoneOffset.ofTotalSeconds(Math.floorMod(noon.getTotalSeconds() + hours * 3600 + 12 * 3600, 24 * 3600)
                - 12 * 3600).getId();
    }

    private void preferences(String user, String zone, String wakingStart, String wakingEnd, int dailyCap,
            List<String> kinds) {
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(zone, wakingStart, wakingEnd, null, null, dailyCap, kinds),
                null).then().statusCode(200);
    }

    /** A water plan from an advice (the same id for both twins) on a report {@code minutesAgo} before now. */
    private void planned(String user, UUID adviceId, int dailyTargetMl, int minutesAgo) {
        AdviceIssuedV1 advice = read(advice(user, adviceId, "SELF_CARE", water(dailyTargetMl, 500, null, null),
                minutesAgo));
        QuarkusTransaction.requiringNew().run(() -> planning.onAdvice(advice, now));
    }

    /** A drink nudge due {@code minutesAgo} before now (negative: after), on its day in the user's zone. */
    private void drink(String user, String kind, String status, int minutesAgo, int amountMl) {
        Instant due = now.minus(Duration.ofMinutes(minutesAgo));
        QuarkusTransaction.requiringNew().run(() -> {
            ZoneId zone = ZoneId.of((String) em.createNativeQuery("SELECT time_zone FROM preferences WHERE user_id = ?1")
                    .setParameter(1, user).getSingleResult());
            em.createNativeQuery("""
                    INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, workout_id)
                    VALUES (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6,
                            CASE WHEN ?2 = 'PRE_EXERCISE_HYDRATION' THEN gen_random_uuid() END)
                    """).setParameter(1, user).setParameter(2, kind).setParameter(3, due)
                    .setParameter(4, due.atZone(zone).toLocalDate()).setParameter(5, status)
                    .setParameter(6, amountMl).executeUpdate();
        });
    }

    private static Map<String, Object> water(int dailyTargetMl, Integer preExerciseMl, Integer remainingTodayMl,
            Boolean drinkToThirstOnly) {
        Map<String, Object> water = ReminderFixtures.water(dailyTargetMl, preExerciseMl);
        if (remainingTodayMl != null) {
            water.put("alreadyDrunkTodayMl", Math.max(0, dailyTargetMl - remainingTodayMl));
            water.put("remainingTodayMl", remainingTodayMl);
        }
        water.put("drinkToThirstOnly", drinkToThirstOnly);
        return water;
    }

    /** An advice's payload, on a report {@code minutesAgo} before now, issued a minute after it. */
    private String advice(String user, UUID adviceId, String urgency, Map<String, Object> water, int minutesAgo) {
        Instant report = now.minus(Duration.ofMinutes(minutesAgo));
        return ReminderFixtures.advice(user, adviceId, urgency, water, report, report.plusSeconds(60));
    }

    private AdviceIssuedV1 read(String payload) {
        try {
            return json.readValue(payload, AdviceIssuedV1.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything planning writes for a user, but row ids and insertion times (a pre-exercise drink's workout too). */
    private List<String> rows(String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            rows.addAll(query("nudge", """
                    SELECT kind, due_at, local_date, status, amount_ml, workout_id IS NULL, advice_id, traceparent,
                           tracestate, snoozes
                    FROM nudge WHERE user_id = ?1 ORDER BY due_at, kind, status, amount_ml
                    """, user));
            rows.addAll(query("day", """
                    SELECT local_date, advice_id, target_ml, drink_to_thirst FROM hydration_day WHERE user_id = ?1
                    ORDER BY local_date
                    """, user));
            rows.addAll(query("target", """
                    SELECT advice_id, daily_target_ml, max_per_hour_ml, pre_exercise_ml, updated_at,
                           report_occurred_at, advice_issued_at, next_plan_at
                    FROM hydration_target WHERE user_id = ?1
                    """, user));
            return rows;
        });
    }

    private List<String> query(String table, String sql, String user) {
        List<?> result = em.createNativeQuery(sql, Object[].class).setParameter(1, user).getResultList();
        return IntStream.range(0, result.size())
                .mapToObj(i -> table + " " + Arrays.toString((Object[]) result.get(i))).toList();
    }
}
