package io.crampcare.reminder.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.drink.DrinkKind;
import io.crampcare.contracts.drink.DrinkSource;
import io.crampcare.reminder.model.Drink;
import io.crampcare.reminder.model.VolumeUnit;
import io.crampcare.reminder.model.WaterStopReason;

/**
 * A drink as the API shows it: millilitres, and US fluid ounces beside them for people who count in ounces.
 *
 * @param waterStopped only in the answer to logging a drink: present when the drink's day has no more drink nudges
 */
@Schema(name = "Drink", requiredProperties = { "id", "userId", "drunkAt", "amountMl", "amountOz", "kind", "source",
        "loggedAt" })
public record DrinkView(UUID id, String userId, Instant drunkAt,
        @Schema(description = "How much, in millilitres.", example = "330") int amountMl,
        @Schema(description = "amountMl in US fluid ounces, to one decimal.", example = "11.2") BigDecimal amountOz,
        DrinkKind kind,
        @Schema(description = "LOGGED: the person logged it; NUDGE_DONE: a drink nudge answered DONE, counted as "
                + "its portion.")
        DrinkSource source,
        @Schema(description = "The drink nudge it is the portion of, if any.") UUID nudgeId,
        @Schema(description = "When it was logged.") Instant loggedAt,
        WaterStopped waterStopped) {

    /**
     * Why the drink's day has no more water or pre-exercise drink nudges.
     *
     * @param reason ADVICE: the advice said drink to thirst (or it was an emergency); HOURLY: more than the hourly guard
     *               was drunk within an hour; DAILY: more than the safe daily ceiling was drunk that day
     */
    @Schema(name = "WaterStopped", requiredProperties = { "reason", "detail" })
    public record WaterStopped(WaterStopReason reason, String detail) {
    }

    /**
     * One page of drinks, latest first.
     *
     * @param nextPageToken pass as pageToken for the next page; null on the last page
     */
    @Schema(name = "DrinkPage", requiredProperties = "items")
    public record Page(List<DrinkView> items, String nextPageToken) {
    }

    static DrinkView of(Drink drink) {
        return of(drink, null);
    }

    static DrinkView of(Drink drink, WaterStopped waterStopped) {
        return new DrinkView(drink.id, drink.userId, drink.drunkAt, drink.amountMl, ounces(drink.amountMl), drink.kind,
                drink.source, drink.nudgeId, drink.loggedAt, waterStopped);
    }

    private static BigDecimal ounces(int millilitres) {
        return VolumeUnit.US_FL_OZ.fromMl(millilitres);
    }
}
