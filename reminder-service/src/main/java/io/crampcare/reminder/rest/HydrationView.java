package io.crampcare.reminder.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.VolumeUnit;
import io.crampcare.reminder.planning.WaterDay;

/** Today's water and the days before it, as the API shows them: millilitres, with US fluid ounces beside them. */
public final class HydrationView {

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private HydrationView() {
    }

    /**
     * One local day: its target, what was drunk, what is left.
     *
     * @param targetMl the day's target; absent when no advice planned the day (then neither met nor missed)
     */
    @Schema(name = "WaterDay", requiredProperties = { "date", "drunkMl", "drunkOz" })
    public record Day(@Schema(description = "The local day, in the user's time zone.", examples = "2026-11-25") LocalDate date,
            @Schema(description = "The day's water target.", examples = "2400") Integer targetMl,
            @Schema(examples = "81.2") BigDecimal targetOz,
            @Schema(description = "Drunk that day: logged drinks, DONE drink nudges and, on a report's day, what the "
                    + "report said was drunk before it.", examples = "1000") int drunkMl,
            @Schema(examples = "33.8") BigDecimal drunkOz,
            @Schema(description = "What is left of the target, never below 0.", examples = "1400") Integer remainingMl,
            @Schema(examples = "47.3") BigDecimal remainingOz,
            @Schema(description = "Whether the target was reached.") Boolean met) {

        static Day of(WaterDay day) {
            return new Day(day.day(), day.targetMl(), ounces(day.targetMl()), day.drunkMl(), ounces(day.drunkMl()),
                    day.remainingMl(), ounces(day.remainingMl()), day.met());
        }
    }

    /**
     * The next drink nudge planned.
     *
     * @param localTime due time as wall-clock time in the user's zone
     */
    @Schema(name = "NextDrinkNudge", requiredProperties = { "id", "kind", "dueAt", "localTime", "amountMl", "amountOz" })
    public record NextDrink(UUID id, NudgeKind kind, Instant dueAt, String localTime, int amountMl, BigDecimal amountOz) {

        static NextDrink of(Nudge nudge, ZoneId zone) {
            return new NextDrink(nudge.id, nudge.kind, nudge.dueAt, LOCAL_MINUTE.format(nudge.dueAt.atZone(zone)),
                    nudge.amountMl, ounces(nudge.amountMl));
        }
    }

    /**
     * Today's water.
     *
     * @param waterStopped present when today has no more drink nudges, with why (drink to thirst), in the user's
     *                     language
     * @param nextDrink    the next drink nudge planned (today or later); absent when none is
     */
    @Schema(name = "WaterToday", requiredProperties = { "timeZone", "unit", "today", "summary" })
    public record Today(@Schema(description = "The user's time zone, which days are counted in.", examples = "Europe/Berlin")
            String timeZone,
            @Schema(description = "The unit the user reads amounts in (preferences); the numbers are in both.")
            VolumeUnit unit, Day today,
            @Schema(description = "Today in one sentence, in the user's language and unit.",
                    examples = "1,000 mL of 2,400 mL drunk today, 1,400 mL to go.")
            String summary, DrinkView.WaterStopped waterStopped, NextDrink nextDrink) {
    }

    /**
     * Days of water and the current streak.
     *
     * @param streak the met days in a row that end today, or yesterday while today is not met yet
     */
    @Schema(name = "WaterDays", requiredProperties = { "timeZone", "days", "streak" })
    public record Days(@Schema(examples = "Europe/Berlin") String timeZone, List<Day> days,
            @Schema(examples = "3") int streak) {
    }

    private static BigDecimal ounces(Integer millilitres) {
        return millilitres == null ? null : VolumeUnit.US_FL_OZ.fromMl(millilitres);
    }
}
