package io.crampcare.reminder.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.reminder.model.Presentation;
import io.crampcare.reminder.service.HydrationStatus;
import io.crampcare.reminder.service.StoredPreferences;
import io.crampcare.reminder.service.WaterTexts;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path("/api/v1/users/{userId}/hydration")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Drinks")
@Produces(MediaType.APPLICATION_JSON)
public class HydrationResource {

    @Inject
    HydrationStatus status;
    @Inject
    Access access;
    @Inject
    DatabaseClock clock;
    @Inject
    WaterTexts texts;
    @Inject
    StoredPreferences preferences;

    @GET
    @Path("today")
    @Operation(operationId = "getWaterToday", summary = "Today's water", description = "In the user's time zone: the "
            + "day's target, what was drunk (logged drinks, DONE drink nudges, and what today's report said was drunk "
            + "before it), what is left, whether drink nudges stopped today and why, and the next drink nudge.")
    @APIResponse(responseCode = "200", description = "Today's water")
    public HydrationView.Today today(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId) {
        access.requireActingFor(userId);
        HydrationStatus.Today today = status.today(userId, clock.now());
        Presentation to = preferences.presentationOf(userId);
        return new HydrationView.Today(today.zone().getId(), to.unit(), HydrationView.Day.of(today.day()),
                texts.summary(today.day(), to),
                today.stoppedBy().map(reason -> new DrinkView.WaterStopped(reason, texts.stopped(reason, to)))
                        .orElse(null),
                today.nextDrink().map(nudge -> HydrationView.NextDrink.of(nudge, today.zone())).orElse(null));
    }

    @GET
    @Path("days")
    @Operation(operationId = "listWaterDays", summary = "Water per day, and the streak", description = "Each local "
            + "day from from to to (both included, in the user's time zone; the last 7 days by default): target, "
            + "drunk, met or not; and the current streak of met days.")
    @APIResponse(responseCode = "200", description = "The days, oldest first")
    @APIResponse(responseCode = "400", description = "Invalid from or to; errors names each")
    public HydrationView.Days days(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Valid @BeanParam HydrationDaysQuery query) {
        access.requireActingFor(userId);
        HydrationStatus.History history = status.days(userId, query.from(), query.to(), clock.now());
        return new HydrationView.Days(history.zone().getId(),
                history.days().stream().map(HydrationView.Day::of).toList(), history.streak());
    }
}
