package io.crampcare.intake.mapping;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.testsupport.BuilderChecks;

class CrampReportSubmittedBuilderTest {

    @Test
    void eachComponentLandsInItsOwnPlaceAndTheNotesAreOnNoTopic() {
        BuilderChecks.eachComponentByName(CrampReportSubmittedV1.class, CrampReportSubmittedBuilder::report,
                Set.of("notes"));
    }
}
