package io.crampcare.reminder;

import io.crampcare.testsupport.ServiceFoundationChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceFoundationIT extends ServiceFoundationChecks {

    @Override
    protected String service() {
        return "reminder";
    }
}
