package io.crampcare.reminder.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.drink.DrinkKind;
import io.crampcare.reminder.model.VolumeUnit;
import io.crampcare.reminder.service.DrinkService;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;
import io.crampcare.support.validation.NotInFuture;

/**
 * A drink to log: how much (in millilitres or US fluid ounces, one of them), what, when, and the drink nudge it answers.
 * One drink is at most 2 L: more at once is not a drink to log but a mistake to catch.
 */
@Schema(name = "NewDrink")
@CrossField
public record DrinkBody(
        @Schema(description = "How much, in millilitres (1-2000). Give this or amountOz.", example = "330")
        @Min(1) @Max(MAX_ML) Integer amountMl,
        @Schema(description = "How much, in US fluid ounces (0.1-67.6, up to two decimals), instead of amountMl; "
                + "stored as whole millilitres (1 US fl oz = 29.5735 mL).", example = "11.2")
        @DecimalMin("0.1") @DecimalMax("67.6") @Digits(integer = 2, fraction = 2) BigDecimal amountOz,
        @Schema(description = "What was drunk; WATER when absent. Every kind counts toward the day's water and its "
                + "limits.")
        DrinkKind kind,
        @Schema(description = "When it was drunk (ISO-8601); now when absent. Not in the future, not before the "
                + "account's first day.", example = "2026-11-25T10:05:00Z")
        @NotInFuture Instant drunkAt,
        @Schema(description = "The drink nudge this drink answers, if it does: the drink is then that nudge's portion "
                + "(a fired nudge is answered DONE; a DONE nudge's recorded portion is replaced by this drink). It must "
                + "be one of the user's water or pre-exercise drink nudges that has fired.")
        UUID nudgeId) implements CrossField.Rules {

    static final int MAX_ML = 2000;

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        if (amountMl == null && amountOz == null) {
            violations.add(new InvalidInput.Violation("amountMl", "is required (or amountOz)"));
        } else if (amountMl != null && amountOz != null) {
            violations.add(new InvalidInput.Violation("amountOz", "give amountMl or amountOz, not both"));
        }
    }

    /** The drink to log (the body is valid by now). */
    DrinkService.NewDrink toNewDrink(String userId) {
        return new DrinkService.NewDrink(userId, drunkAt, millilitres(), kind == null ? DrinkKind.WATER : kind,
                nudgeId);
    }

    private int millilitres() {
        return amountMl != null ? amountMl : VolumeUnit.US_FL_OZ.toMl(amountOz);
    }
}
