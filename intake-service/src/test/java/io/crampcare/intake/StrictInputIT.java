package io.crampcare.intake;

import java.util.Set;

import io.crampcare.testsupport.StrictInputChecks;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StrictInputIT extends StrictInputChecks {

    @Override
    protected BodyOperation bodyOperation() {
        return new BodyOperation("POST", "/api/v1/cramp-reports", TestReports.valid(TestUsers.newUser("strict")));
    }

    @Override
    protected NotAllowed notAllowed() {
        return new NotAllowed("DELETE", "/api/v1/cramp-reports", Set.of("GET", "HEAD", "OPTIONS", "POST"));
    }

    @Override
    protected TextParameter textParameter() {
        return new TextParameter("userId", "/api/v1/cramp-reports?userId=%s");
    }
}
