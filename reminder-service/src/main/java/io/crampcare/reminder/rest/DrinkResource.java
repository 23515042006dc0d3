package io.crampcare.reminder.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.reminder.model.Drink;
import io.crampcare.reminder.service.DrinkService;
import io.crampcare.reminder.service.StoredPreferences;
import io.crampcare.reminder.service.WaterTexts;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.idempotency.IdempotencyService;
import io.crampcare.support.idempotency.IdempotentRequests;
import io.crampcare.support.paging.PageParams;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.paging.PagingConfig;
import io.crampcare.support.paging.TimeWindow;
import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.rest.ApiJson;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path("/api/v1/users/{userId}/drinks")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Drinks", description = "What a person drinks: logged drinks and DONE drink nudges count toward the day's "
        + "water, replan the rest of it, and stop drink nudges for the day when they pass the overdrinking guard")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DrinkResource {

    private static final String SAMPLE = """
            {"amountMl": 330, "kind": "WATER", "drunkAt": "2026-11-25T10:05:00Z"}
            """;
    private static final String LOGGED = """
            {"id": "01a2516c-b68c-77e3-9852-85d3b00ef804", "userId": "user-42", "drunkAt": "2026-11-25T10:05:00Z",
             "amountMl": 330, "amountOz": 11.2, "kind": "WATER", "source": "LOGGED",
             "loggedAt": "2026-11-25T10:06:12.402Z"}
            """;

    @Inject
    DrinkService drinks;
    @Inject
    Access access;
    @Inject
    DatabaseClock clock;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    ApiJson apiJson;
    @Inject
    PagingConfig paging;
    @Inject
    WaterTexts texts;
    @Inject
    StoredPreferences preferences;

    @POST
    @Operation(operationId = "logDrink", summary = "Log a drink", description = "It counts toward the day's water at "
            + "once: the rest of today's water nudges are replanned from what is left of the target (none once it is "
            + "met), and when what was drunk passes the hourly guard or the safe daily ceiling no water or pre-exercise "
            + "drink nudge fires for the rest of that day (the answer says why). Published on Kafka topic drinks "
            + "(CloudEvent type io.crampcare.drink.logged.v1). With an Idempotency-Key, a retry with the same body "
            + "gets the first response again (header Idempotent-Replayed: true) and logs nothing more.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a glass of water", value = SAMPLE)))
    @APIResponse(responseCode = "201", description = "Logged; Location names it. A replay of an earlier request with "
            + "the same Idempotency-Key and body gets that request's answer, with Idempotent-Replayed",
            content = @Content(schema = @Schema(implementation = DrinkView.class),
                    examples = @ExampleObject(name = "a glass of water", value = LOGGED)),
            headers = @Header(name = IdempotentRequests.REPLAYED, ref = IdempotentRequests.REPLAYED))
    @APIResponse(responseCode = "400", description = "Invalid drink or Idempotency-Key; errors names each field")
    @APIResponse(responseCode = "409", description = "nudgeId names a nudge that has not fired yet, or the first "
            + "request with this Idempotency-Key is still in flight (then with Retry-After)",
            headers = @Header(name = "Retry-After", ref = "Retry-After"))
    public Response log(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Parameter(ref = IdempotentRequests.KEY_PARAMETER) @HeaderParam(IdempotentRequests.KEY) String idempotencyKey,
            @Valid @NotNull(message = "a JSON body is required") DrinkBody body) {
        access.requireActingFor(userId);
        return idempotency.post(userId, idempotencyKey, body, claim -> {
            DrinkService.LoggedDrink logged = drinks.log(body.toNewDrink(userId), clock.now(), claim == null ? null
                    : stored -> new IdempotencyService.Answer(claim, 201, location(stored.drink()),
                            apiJson.write(view(stored))));
            return Response.status(Response.Status.CREATED).header("Location", location(logged.drink()))
                    .entity(view(logged)).build();
        });
    }

    @GET
    @Operation(operationId = "listDrinks", summary = "A user's drinks, latest first",
            description = "from and to select by drunkAt. Cursor pagination: pass nextPageToken as pageToken. The "
                    + "order (drunkAt, then id, descending) is stable, so paging shows no gaps or repeats.")
    @APIResponse(responseCode = "200", description = "One page of drinks")
    @APIResponse(responseCode = "400", description = "Invalid query parameter; errors names each")
    public DrinkView.Page list(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Valid @BeanParam TimeWindow window, @Valid @BeanParam PageParams page) {
        access.requireActingFor(userId);
        PageRequest.Slice<Drink> slice = drinks.list(userId, window.from(), window.to(), page.request(paging));
        return new DrinkView.Page(slice.items().stream().map(DrinkView::of).toList(), slice.nextPageToken());
    }

    @GET
    @Path("{drinkId}")
    @Operation(operationId = "getDrink", summary = "Read one drink", description = "Where Location of a logged drink "
            + "points.")
    @APIResponse(responseCode = "200", description = "The drink")
    @APIResponse(responseCode = "404", description = "No such drink (or it was deleted)")
    public DrinkView get(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Parameter(description = "The drink's id") @PathParam("drinkId") UUID drinkId) {
        access.requireActingFor(userId);
        return DrinkView.of(drinks.get(userId, drinkId));
    }

    @DELETE
    @Path("{drinkId}")
    @Operation(operationId = "deleteDrink", summary = "Delete a drink (undo)", description = "The water it stood for "
            + "is planned again for today; a day whose drink nudges stopped stays stopped. Published on drinks "
            + "(io.crampcare.drink.deleted.v1). The DONE answer of a nudge it was the portion of stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such drink (or it was deleted)")
    // No body on success: a client generated from the document accepts only the errors' problem+json here.
    @Produces({ MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON })
    public void delete(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Parameter(description = "The drink's id") @PathParam("drinkId") UUID drinkId) {
        access.requireActingFor(userId);
        drinks.delete(userId, drinkId, clock.now());
    }

    private DrinkView view(DrinkService.LoggedDrink logged) {
        return DrinkView.of(logged.drink(), logged.waterStopped().map(reason -> new DrinkView.WaterStopped(reason,
                texts.stopped(reason, preferences.presentationOf(logged.drink().userId)))).orElse(null));
    }

    private static String location(Drink drink) {
        return "/api/v1/users/" + drink.userId + "/drinks/" + drink.id;
    }
}
