package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.MarketEvent;

/** Stage 1 writes a company's two records from one writing of its figures: byte for byte what Jackson writes. */
class PublishedCompanyJsonTest {

    @Test
    void bothRecordsAreWhatTheMapperWritesForFiguresWithSourcesAndForFiguresAlone() throws Exception {
        RandomEvents events = new RandomEvents(5, List.of("AAA", "BBB", "CCC"));
        Map<String, RevisedCompany> companies = new HashMap<>();
        int compared = 0;
        for (int i = 0; i < 3_000; i++) {
            MarketEvent event = StreamJson.MAPPER.readValue(events.next(), MarketEvent.class);
            if (!(event instanceof CompanyScopedEvent companyEvent)) {
                continue;
            }
            RevisedCompany company = companies.computeIfAbsent(companyEvent.ticker(), RevisedCompany::unknown);
            company.apply(companyEvent);
            Revised<CompanyFigures> figures = company.current().orElseThrow();

            StreamJson.PublishedCompany published = StreamJson.writePublishedCompany(figures);

            assertEquals(StreamJson.writePublished(figures), published.withSources());
            assertEquals(StreamJson.writePublished(new Revised<>(figures.value().metrics(), figures.revision())),
                    published.figuresOnly());
            compared++;
        }
        assertEquals(true, compared > 2_000, "compared " + compared);
    }
}
