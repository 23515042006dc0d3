package io.crampcare.reminder.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.reminder.model.Presentation;
import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.planning.WaterDay;

/** What a person is told about their day's water, in their language and unit ({@link WaterMessages}). */
@ApplicationScoped
public class WaterTexts {

    private final Map<String, WaterMessages> bundles;
    private final DrinkLimits limits;

    WaterTexts(DrinkLedger ledger) {
        this.bundles = LanguageBundles.of(WaterMessages.class);
        this.limits = ledger.limits();
    }

    /** Why the day has no more drink nudges, with the limit that stopped them. */
    public String stopped(WaterStopReason reason, Presentation to) {
        WaterMessages messages = bundles.get(to.localeTag());
        return switch (reason) {
            case HOURLY -> messages.stoppedHourly(to.amount(limits.maxPerHourMl()));
            case DAILY -> messages.stoppedDaily(to.amount(limits.maxDailyMl()));
            case ADVICE -> messages.stoppedByAdvice();
        };
    }

    /** The day in one sentence: what was drunk against the target. */
    public String summary(WaterDay day, Presentation to) {
        WaterMessages messages = bundles.get(to.localeTag());
        if (day.targetMl() == null) {
            return messages.todayWithoutTarget(to.amount(day.drunkMl()));
        }
        return Boolean.TRUE.equals(day.met()) ? messages.todayMet(to.amount(day.drunkMl()), to.amount(day.targetMl()))
                : messages.today(to.amount(day.drunkMl()), to.amount(day.targetMl()), to.amount(day.remainingMl()));
    }
}
