package io.crampcare.reminder.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.service.WorkoutService;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.idempotency.IdempotencyService;
import io.crampcare.support.idempotency.IdempotentRequests;
import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.rest.ApiJson;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path("/api/v1/users/{userId}/workouts")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Workouts", description = "Workouts get a warm-up nudge before, a stretch nudge after, and with a known "
        + "body weight a drink nudge about 4 h before")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkoutResource {

    @Inject
    WorkoutService workouts;
    @Inject
    Access access;
    @Inject
    DatabaseClock clock;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    ApiJson apiJson;

    @POST
    @Operation(operationId = "createWorkout", summary = "Register a workout", description = "Its nudges are planned at once for the next 48 h, "
            + "and roll forward from there (weekly workouts). With an Idempotency-Key, a retry with the same body gets "
            + "the first response again (header Idempotent-Replayed: true) and registers nothing more.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it. A replay of an earlier request "
            + "with the same Idempotency-Key and body gets that request's answer, with Idempotent-Replayed",
            content = @Content(schema = @Schema(implementation = WorkoutView.class)),
            headers = @Header(name = IdempotentRequests.REPLAYED, ref = IdempotentRequests.REPLAYED))
    @APIResponse(responseCode = "400", description = "Invalid workout or Idempotency-Key; errors names each field")
    public Response create(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Parameter(ref = IdempotentRequests.KEY_PARAMETER) @HeaderParam(IdempotentRequests.KEY) String idempotencyKey,
            @Valid @NotNull(message = "a JSON body is required") WorkoutBody body) {
        access.requireActingFor(userId);
        return idempotency.post(userId, idempotencyKey, body, claim -> {
            Instant now = clock.now();
            Workout workout = body.toWorkout(userId, now);
            // The answer is known before the workout is stored, so that a key's replay is recorded with it.
            WorkoutView view = WorkoutView.of(workout);
            String location = "/api/v1/users/" + userId + "/workouts/" + workout.id;
            workouts.create(workout, now, claim == null ? null
                    : new IdempotencyService.Answer(claim, 201, location, apiJson.write(view)));
            return Response.status(Response.Status.CREATED).header("Location", location).entity(view).build();
        });
    }

    @GET
    @Operation(operationId = "listWorkouts", summary = "A user's workouts", description = "Oldest first; deleted ones "
            + "are not listed.")
    @APIResponse(responseCode = "200", description = "The workouts", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = WorkoutView.class)))
    public List<WorkoutView> list(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId) {
        access.requireActingFor(userId);
        return workouts.list(userId).stream().map(WorkoutView::of).toList();
    }

    @GET
    @Path("{workoutId}")
    @Operation(operationId = "getWorkout", summary = "Read one workout", description = "Where Location of a new "
            + "workout points.")
    @APIResponse(responseCode = "200", description = "The workout")
    @APIResponse(responseCode = "404", description = "No such workout (or it was deleted)")
    public WorkoutView get(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Parameter(description = "The workout's id") @PathParam("workoutId") UUID workoutId) {
        access.requireActingFor(userId);
        return WorkoutView.of(workouts.get(userId, workoutId));
    }

    @DELETE
    @Path("{workoutId}")
    @Operation(operationId = "deleteWorkout", summary = "Delete a workout", description = "Its planned nudges go too; "
            + "fired ones stay in the history.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such workout (or it was deleted)")
    // No body on success: a client generated from the document accepts only the errors' problem+json here.
    @Produces({ MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON })
    public void delete(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Parameter(description = "The workout's id") @PathParam("workoutId") UUID workoutId) {
        access.requireActingFor(userId);
        workouts.delete(userId, workoutId, clock.now());
    }
}
