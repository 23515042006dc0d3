package io.crampcare.system;

import static io.restassured.config.ObjectMapperConfig.objectMapperConfig;
import static io.restassured.config.RestAssuredConfig.config;

import java.util.function.Function;

import io.crampcare.client.advice.api.AdviceApi;
import io.crampcare.client.intake.api.CrampReportsApi;
import io.crampcare.client.intake.api.ErasureApi;
import io.crampcare.client.intake.api.PersonalDataApi;
import io.crampcare.client.reminder.api.DrinksApi;
import io.crampcare.client.reminder.api.NudgesApi;
import io.crampcare.client.reminder.api.PreferencesApi;
import io.crampcare.client.reminder.api.WorkoutsApi;
import io.crampcare.testsupport.TestTokens;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;

/**
 * The Java clients generated from the three services' OpenAPI documents, against the processes of a running
 * {@link SystemUnderTest}, as a user or as an admin (with a reason). Requests go through RestAssured.given(), so the
 * global ApiContractFilter checks each exchange against the serving service's document.
 */
final class ApiClients {

    private final SystemUnderTest system;

    ApiClients(SystemUnderTest system) {
        this.system = system;
    }

    /** The clients with {@code user}'s token. */
    Clients as(String user) {
        return new Clients(TestTokens.user(user), null);
    }

    /** The clients with an admin's token and the tests' reason (CrampCare-Access-Reason). */
    Clients asAdmin() {
        return new Clients(TestTokens.admin(), TestTokens.TEST_REASON);
    }

    /** For a generated operation's executeAs: the answer must have this status before its body is read. */
    static Function<Response, Response> status(int expected) {
        return response -> response.then().statusCode(expected).extract().response();
    }

    /** One set of clients, each call with one token. */
    final class Clients {
        final CrampReportsApi reports;
        final PersonalDataApi personalData;
        final ErasureApi erasure;
        final AdviceApi advice;
        final PreferencesApi preferences;
        final WorkoutsApi workouts;
        final NudgesApi nudges;
        final DrinksApi drinks;

        /** {@code reason}: the CrampCare-Access-Reason an admin gives, or null. */
        private Clients(String token, String reason) {
            io.crampcare.client.intake.ApiClient intake = io.crampcare.client.intake.ApiClient.api(
                    io.crampcare.client.intake.ApiClient.Config.apiConfig().reqSpecSupplier(() -> spec("intake", token,
                            reason, io.crampcare.client.intake.JacksonObjectMapper.jackson())));
            reports = intake.crampReports();
            personalData = intake.personalData();
            erasure = intake.erasure();
            advice = io.crampcare.client.advice.ApiClient.api(io.crampcare.client.advice.ApiClient.Config.apiConfig()
                    .reqSpecSupplier(() -> spec("advice", token, reason,
                            io.crampcare.client.advice.JacksonObjectMapper.jackson())))
                    .advice();
            io.crampcare.client.reminder.ApiClient reminder = io.crampcare.client.reminder.ApiClient.api(
                    io.crampcare.client.reminder.ApiClient.Config.apiConfig().reqSpecSupplier(() -> spec("reminder",
                            token, reason, io.crampcare.client.reminder.JacksonObjectMapper.jackson())));
            preferences = reminder.preferences();
            workouts = reminder.workouts();
            nudges = reminder.nudges();
            drinks = reminder.drinks();
        }
    }

    /**
     * What the generated ApiClient's default supplier sets (its own Jackson mapping), with the service's address as
     * this run started it and the bearer token.
     */
    private RequestSpecBuilder spec(String service, String token, String reason,
            io.restassured.mapper.ObjectMapper mapper) {
        RequestSpecBuilder spec = new RequestSpecBuilder().setBaseUri(system.url(service))
                .addHeader("Authorization", "Bearer " + token)
                .setConfig(config().objectMapperConfig(objectMapperConfig().defaultObjectMapper(mapper)));
        return reason == null ? spec : spec.addHeader(TestTokens.ACCESS_REASON, reason);
    }
}
