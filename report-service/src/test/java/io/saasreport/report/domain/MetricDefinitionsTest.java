package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MetricDefinitionsTest {

    @Test
    void everyFigureHasExactlyOneDefinition() {
        assertEquals(new TreeSet<>(CompanyField.FIGURES.stream().map(CompanyField::name).toList()),
                new TreeSet<>(MetricDefinitions.all().keySet()));
    }

    @Test
    void definitionsAreTheSpecsWords() {
        assertEquals("price * sharesOutstanding", MetricDefinitions.of("marketCap"));
        assertEquals("ltmRevenue / (revenue over Q4..Q7) - 1; needs Q0..Q7 consecutive", MetricDefinitions.of("ltmGrowth"));
    }
}
