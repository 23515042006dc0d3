package io.crampcare.reminder.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.service.DrinkLedger;

/** Tells a person why their day has no more drink nudges, with the limit that stopped them. */
@ApplicationScoped
class WaterStoppedTexts {

    @Inject
    DrinkLedger ledger;

    DrinkView.WaterStopped of(WaterStopReason reason) {
        DrinkLimits limits = ledger.limits();
        String detail = switch (reason) {
            case HOURLY -> "More than " + limits.maxPerHourMl() + " mL was drunk within an hour, more than the kidneys "
                    + "clear in that time: no more drink nudges today. Drink to thirst for the rest of the day.";
            case DAILY -> "More than " + limits.maxDailyMl() + " mL was drunk today, the safe daily ceiling: no more "
                    + "drink nudges today. Drink to thirst for the rest of the day.";
            case ADVICE -> "The advice for today's cramp report says to drink to thirst only: no drink nudges today.";
        };
        return new DrinkView.WaterStopped(reason, detail);
    }
}
