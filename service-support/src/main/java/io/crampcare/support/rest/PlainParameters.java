package io.crampcare.support.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.ControlCharacters;

/**
 * Path parameters and the query parameters an operation reads are text like a body's strings: one holding a control
 * character ({@link ControlCharacters}) is a 400 naming it, before any of it reaches a query (PostgreSQL cannot even
 * compare with U+0000). Query parameters the operation does not read are ignored, as always. A filter, not a constraint:
 * it holds before JAX-RS converts a parameter (a UUID path parameter with a NUL would otherwise be a 404).
 */
public class PlainParameters {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        List<InvalidInput.Violation> errors = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), errors);
        if (resource.getResourceMethod() != null) {
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            for (String name : ResourceMethods.of(resource.getResourceMethod()).queryParameters()) {
                check(Map.of(name, query.getOrDefault(name, List.of())), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static void check(Map<String, List<String>> parameters, List<InvalidInput.Violation> errors) {
        parameters.forEach((name, values) -> {
            if (values.stream().anyMatch(ControlCharacters::in)) {
                errors.add(new InvalidInput.Violation(name, ControlCharacters.MESSAGE));
            }
        });
    }
}
