package io.saasreport.metrics.domain.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.TestJson;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.PriceEvent;

class RevisedCompanyTest {

    private static final Instant T0 = Instant.parse("2026-11-01T21:00:00Z");

    @Test
    void theFirstEventNamingACompanyIsRevisionOneEvenWithoutFigures() {
        RevisedCompany company = RevisedCompany.unknown("ACME");

        assertTrue(company.apply(new CompanyEvent("ACME", null)));
        Revised<CompanyFigures> figures = company.current().orElseThrow();

        assertEquals(1, figures.revision());
        assertFalse(RevisedCompany.isPublishable(figures.value().metrics()), "undated figures are not published");
    }

    @Test
    void everyChangeRaisesTheRevisionByOneAndARepeatChangesNothing() {
        RevisedCompany company = RevisedCompany.unknown("ACME");
        company.apply(new PriceEvent("ACME", 10.0, T0));
        assertTrue(company.apply(new CompanyEvent("ACME", "Acme Inc.")));
        Revised<CompanyFigures> renamed = company.current().orElseThrow();

        assertEquals(2, renamed.revision());
        assertEquals(T0, renamed.value().metrics().asOf(), "a name change at an equal asOf: only the revision tells them apart");
        assertFalse(company.apply(new PriceEvent("ACME", 10.0, T0)));
        assertEquals(2, company.revision());
    }

    @Test
    void aRestoredCompanyContinuesItsRevisionsAndFigures() throws Exception {
        RevisedCompany original = RevisedCompany.unknown("ACME");
        original.apply(new PriceEvent("ACME", 10.0, T0));
        original.apply(EstimateEvent.ntm("ACME", T0, 500.0, 50.0));
        String json = TestJson.MAPPER.writeValueAsString(original.stored());

        RevisedCompany restored = RevisedCompany.restore(TestJson.MAPPER.readValue(json, RevisedCompany.Stored.class));
        PriceEvent next = new PriceEvent("ACME", 11.0, T0.plusSeconds(60));

        assertEquals(original.apply(next), restored.apply(next));
        assertEquals(original.current(), restored.current());
        assertEquals(3, restored.revision());
    }
}
