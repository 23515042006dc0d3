package io.crampcare.support.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crampcare.support.problem.ProblemException;
import io.crampcare.support.problem.ProblemTypes;

/**
 * An operation that reads a body answers 415 to a request without {@code Content-Type}, as documented: RESTEasy would
 * otherwise read whatever came as the operation's media type (JSON). Runs after authentication, before the body is
 * read.
 */
public class ContentTypeRequired {

    @ServerRequestFilter
    public void require(ContainerRequestContext request, ResourceInfo resource) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((type == null || type.isBlank()) && resource.getResourceMethod() != null
                && ResourceMethods.of(resource.getResourceMethod()).takesBody()) {
            throw new ProblemException(415, ProblemTypes.HTTP, "Unsupported Media Type",
                    "The request has no Content-Type; send the body as application/json.");
        }
    }
}
