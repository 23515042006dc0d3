package io.crampcare.intake.mapping;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.testsupport.BuilderChecks;

class CrampReportSubmittedBuilderTest {

    @Test
    void eachComponentLandsInItsOwnPlace() {
        BuilderChecks.eachComponentByName(CrampReportSubmittedV1.class, CrampReportSubmittedBuilder::report);
    }
}
