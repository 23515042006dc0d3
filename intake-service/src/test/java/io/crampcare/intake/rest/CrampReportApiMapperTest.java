package io.crampcare.intake.rest;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.intake.mapping.CrampReportSubmittedBuilder;
import io.crampcare.testsupport.BuilderChecks;

class CrampReportApiMapperTest {

    @Test
    void theAnswerCarriesEachPartOfTheReportInItsOwnPlace() {
        BuilderChecks.eachComponentCarriedByName(CrampReportSubmittedV1.class, CrampReportSubmittedBuilder::report,
                CrampReportApiMapper::toResponse, Map.of("reportId", "id"),
                Map.of("reportId", Set.of("links"), "waterTodayMl", Set.of("waterTodayOz")));
    }
}
