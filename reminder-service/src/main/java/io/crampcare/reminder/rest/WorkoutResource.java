package io.crampcare.reminder.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.service.WorkoutService;
import io.crampcare.support.problem.ProblemException;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path("/api/v1/users/{userId}/workouts")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Workouts", description = "Workouts get a warm-up nudge before, a stretch nudge after, and with a known "
        + "body weight a drink nudge about 4 h before")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkoutResource {

    private final WorkoutService workouts;
    private final Access access;

    WorkoutResource(WorkoutService workouts, Access access) {
        this.workouts = workouts;
        this.access = access;
    }

    @POST
    @Operation(summary = "Register a workout", description = "Its nudges are planned at once for the next 48 h, "
            + "and roll forward from there (weekly workouts).")
    @APIResponse(responseCode = "201", description = "Registered; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid workout; errors names each field")
    public Response create(@PathParam("userId") String userId,
            @Valid @NotNull(message = "a JSON body is required") WorkoutBody body) {
        access.requireActingFor(userId);
        Instant now = Instant.now();
        Workout workout = workouts.create(body.toWorkout(userId, now), now);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/v1/users/" + userId + "/workouts/" + workout.id)
                .entity(WorkoutBody.of(workout)).build();
    }

    @GET
    @Operation(summary = "A user's workouts")
    public List<WorkoutBody> list(@PathParam("userId") String userId) {
        access.requireActingFor(userId);
        return workouts.list(userId).stream().map(WorkoutBody::of).toList();
    }

    @DELETE
    @Path("{workoutId}")
    @Operation(summary = "Delete a workout", description = "Its planned nudges go too; fired ones stay in the history.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such workout")
    public void delete(@PathParam("userId") String userId, @PathParam("workoutId") String workoutId) {
        access.requireActingFor(userId);
        UUID id;
        try {
            id = UUID.fromString(workoutId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No workout has id " + workoutId + ".");
        }
        workouts.delete(userId, id, Instant.now());
    }
}
