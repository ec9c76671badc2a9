package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GeneratedUniverseTest {

    private final List<String> lines = GeneratedUniverse.ndjson().lines().toList();

    @Test
    void everyGeneratedCompanyIsLabelledAsGenerated() {
        List<String> companies = lines.stream().filter(line -> line.contains("\"type\":\"company\"")).toList();
        assertEquals(GeneratedUniverse.COMPANIES, companies.size());
        for (String company : companies) {
            assertTrue(company.matches(".*\"ticker\":\"GEN\\d\\d\".*\\[generated]\"}"), company);
        }
    }

    @Test
    void everyCompanyHasEightConsecutiveQuartersAnEstimateAndTenPrices() {
        assertEquals(GeneratedUniverse.COMPANIES * 8, count("\"type\":\"filing\""));
        assertEquals(GeneratedUniverse.COMPANIES, count("\"type\":\"estimate\""));
        assertEquals(GeneratedUniverse.COMPANIES * 10, count("\"type\":\"price\""));
        List<String> gen01Quarters = lines.stream()
                .filter(line -> line.contains("\"type\":\"filing\",\"ticker\":\"GEN01\""))
                .map(line -> line.replaceAll(".*\"fiscalYear\":(\\d+),\"fiscalQuarter\":(\\d).*", "$1Q$2"))
                .toList();
        assertEquals(List.of("2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"),
                gen01Quarters);
    }

    @Test
    void generationIsDeterministic() {
        assertEquals(GeneratedUniverse.ndjson(), GeneratedUniverse.ndjson());
    }

    @Test
    void largerUniversesHaveWiderTickersAndTwentyEventsACompany() {
        List<String> events = GeneratedUniverse.events(1_500);
        assertEquals(1_500 * 20, events.size());
        assertEquals("GEN0001", GeneratedUniverse.ticker(1, 1_500));
        assertTrue(events.get(0).startsWith("{\"type\":\"company\",\"ticker\":\"GEN0001\""), events.get(0));
        assertTrue(events.get(events.size() - 1).contains("\"ticker\":\"GEN1500\""));
        assertTrue(events.stream().allMatch(line -> line.endsWith("}\n")));
    }

    private long count(String marker) {
        return lines.stream().filter(line -> line.contains(marker)).count();
    }
}
