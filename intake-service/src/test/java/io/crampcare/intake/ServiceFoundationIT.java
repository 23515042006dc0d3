package io.crampcare.intake;

import io.crampcare.testsupport.ServiceFoundationChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceFoundationIT extends ServiceFoundationChecks {

    @Override
    protected String service() {
        return "intake";
    }

    @Override
    protected boolean readyOnlyWithKafka() {
        return false;
    }
}
