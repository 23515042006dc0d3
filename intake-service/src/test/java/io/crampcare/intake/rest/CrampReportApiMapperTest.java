package io.crampcare.intake.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                event -> CrampReportApiMapper.toResponse(event, null), Map.of("reportId", "id"),
                Map.of("reportId", Set.of("links"), "waterTodayMl", Set.of("waterTodayOz")), Set.of("notes"));
    }

    @Test
    void theNotesComeFromTheReportNotFromItsEvent() {
        CrampReportSubmittedV1 event = CrampReportSubmittedBuilder.report().build();
        assertEquals("after squats", CrampReportApiMapper.toResponse(event, "after squats").notes());
    }
}
