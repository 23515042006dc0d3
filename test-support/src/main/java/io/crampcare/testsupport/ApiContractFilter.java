package io.crampcare.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Contract-checks every RestAssured exchange of every test against the serving service's own OpenAPI document
 * ({@link ApiContract}): one response that departs from its document fails the test that made it.
 * <p>
 * Registered for all tests by JUnit's extension auto-detection (META-INF/services, enabled in the parent pom for
 * surefire and failsafe), so no test can forget it.
 */
public final class ApiContractFilter implements Filter, BeforeAllCallback {

    private static final ApiContractFilter INSTANCE = new ApiContractFilter();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (RestAssured.filters().stream().noneMatch(ApiContractFilter.class::isInstance)) {
            RestAssured.filters(INSTANCE);
            System.getLogger(ApiContractFilter.class.getName()).log(System.Logger.Level.INFO,
                    "Every HTTP exchange of these tests is checked against the serving service's OpenAPI document");
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            headers.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
        }
        ApiContract.assertConforms(new ApiContract.Exchange(request.getMethod(), URI.create(request.getURI()),
                response.statusCode(), headers, response.asString()));
        return response;
    }
}
