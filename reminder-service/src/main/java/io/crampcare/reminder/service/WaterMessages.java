package io.crampcare.reminder.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a person is told about their day's water (today's status, the answer to a logged drink), in English here and in
 * the other languages in {@code messages/water_<tag>.properties}. Amounts come formatted in the person's unit and
 * language. The hourly guard's reason: the kidneys clear at most about 0.8-1.0 L of water an hour, so drinking more
 * than that dilutes the blood's sodium (Hew-Butler et al. 2015, 3rd EAH Consensus Statement).
 */
@MessageBundle(value = "water", locale = "en")
public interface WaterMessages {

    @Message("More than {limit} was drunk within an hour, more than the kidneys clear in that time: no more drink "
            + "nudges today. Drink to thirst for the rest of the day.")
    String stoppedHourly(String limit);

    @Message("More than {limit} was drunk today, the safe daily ceiling: no more drink nudges today. Drink to thirst "
            + "for the rest of the day.")
    String stoppedDaily(String limit);

    @Message("The advice for today's cramp report says to drink to thirst only: no drink nudges today.")
    String stoppedByAdvice();

    @Message("{drunk} of {target} drunk today, {remaining} to go.")
    String today(String drunk, String target, String remaining);

    @Message("{drunk} of {target} drunk today: today's target is met.")
    String todayMet(String drunk, String target);

    @Message("{drunk} drunk today. A water target comes with the advice for a cramp report.")
    String todayWithoutTarget(String drunk);
}
