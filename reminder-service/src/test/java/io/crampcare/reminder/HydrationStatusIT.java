package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Today's water and the days before it, in the user's zone, on real PostgreSQL and Kafka. */
@QuarkusTest
class HydrationStatusIT {

    @Inject
    EntityManager em;

    @Test
    void todayCountsWhatWasDrunkAgainstTheTarget() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("today");
        String zone = WaterPlans.awakeAt(user, 5);
        today(user).body("timeZone", is(zone)).body("today.targetMl", nullValue()).body("today.drunkMl", is(0))
                .body("today.met", nullValue()).body("nextDrink", nullValue());

        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, null));
        drink(user, 1000);
        today(user).body("today.date", is(WaterPlans.today(zone).toString())).body("today.targetMl", is(2400))
                .body("today.targetOz", is(81.2f)).body("today.drunkMl", is(1000)).body("today.remainingMl", is(1400))
                .body("today.met", is(false)).body("waterStopped", nullValue())
                .body("nextDrink.kind", is("HYDRATION")).body("nextDrink.amountMl", notNullValue());
    }

    @Test
    void aReportsStatementOfWaterDrunkCountsOnceBesideTheLog() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("today-report");
        WaterPlans.awakeAt(user, 12);
        drink(user, 400); // logged before the report, which says 1,900 mL were drunk by then
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, null, 1900, 500, false));
        today(user).body("today.drunkMl", is(1900)).body("today.remainingMl", is(500));
        drink(user, 300);
        today(user).body("today.drunkMl", is(2200)).body("today.remainingMl", is(200)).body("today.met", is(false));
        drink(user, 200);
        today(user).body("today.remainingMl", is(0)).body("today.met", is(true));
    }

    @Test
    void theDaysShowTargetDrunkAndTheStreak() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("streak");
        String zone = WaterPlans.awakeAt(user, 12);
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2000, null));
        LocalDate today = WaterPlans.today(zone);
        // Three days before today: missed, met, met (planned days and drinks as earlier days left them).
        pastDay(user, zone, today.minusDays(3), 2000, 1500);
        pastDay(user, zone, today.minusDays(2), 2000, 2000);
        pastDay(user, zone, today.minusDays(1), 2000, 2600);
        days(user, today.minusDays(3), today).statusCode(200).body("timeZone", is(zone)).body("streak", is(2))
                .body("days.size()", is(4)).body("days[0].met", is(false)).body("days[0].drunkMl", is(1500))
                .body("days[1].met", is(true)).body("days[2].drunkMl", is(2600)).body("days[3].met", is(false));
        drink(user, 1000);
        drink(user, 1000);
        days(user, null, null).statusCode(200).body("days.size()", is(7)).body("streak", is(3))
                .body("days[6].date", is(today.toString())).body("days[6].met", is(true))
                .body("days[0].targetMl", nullValue()).body("days[0].met", nullValue());
    }

    @Test
    void badDaysAre400NamingTheParameter() {
        String user = TestUsers.newUser("days-bad");
        asAdmin().queryParam("from", "2026-13-01").when().get(path(user, "days")).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        asAdmin().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").when().get(path(user, "days"))
                .then().statusCode(400).body("errors.field", hasItem("to"));
        asAdmin().queryParam("from", "2024-01-01").queryParam("to", "2026-01-01").when().get(path(user, "days"))
                .then().statusCode(400).body("errors.field", hasItem("to"));
        asAdmin().queryParam("from", "1800-01-01").when().get(path(user, "days")).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        asAdmin().queryParam("from", "2020-01-01").when().get(path(user, "days")).then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    private static io.restassured.response.ValidatableResponse today(String user) {
        return asAdmin().when().get(path(user, "today")).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse days(String user, LocalDate from, LocalDate to) {
        var request = asAdmin();
        if (from != null) {
            request = request.queryParam("from", from.toString()).queryParam("to", to.toString());
        }
        return request.when().get(path(user, "days")).then();
    }

    private static String path(String user, String what) {
        return "/api/v1/users/" + user + "/hydration/" + what;
    }

    private static void drink(String user, int amountMl) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("amountMl", amountMl))
                .when().post("/api/v1/users/" + user + "/drinks").then().statusCode(201);
    }

    /** A day before the account's first day, as the planning and the log would have left it. */
    private void pastDay(String user, String zone, LocalDate day, int targetMl, int drunkMl) {
        Instant noon = day.atTime(12, 0).atZone(ZoneId.of(zone)).toInstant().truncatedTo(ChronoUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO hydration_day (user_id, local_date, advice_id, target_ml, daily_target_ml)
                    VALUES (?1, ?2, ?3, ?4, ?4)""").setParameter(1, user).setParameter(2, day)
                    .setParameter(3, UUID.randomUUID()).setParameter(4, targetMl).executeUpdate();
            for (int half = 0; half < 2; half++) { // two drinks: one may be 2 L at most
                em.createNativeQuery("""
                        INSERT INTO drink (id, user_id, drunk_at, amount_ml, kind, source, logged_at)
                        VALUES (?1, ?2, ?3, ?4, 'WATER', 'LOGGED', ?3)""").setParameter(1, UUID.randomUUID())
                        .setParameter(2, user).setParameter(3, noon.plus(2L * half, ChronoUnit.HOURS))
                        .setParameter(4, half == 0 ? drunkMl / 2 : drunkMl - drunkMl / 2).executeUpdate();
            }
        });
    }
}
