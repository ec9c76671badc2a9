package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class CompanyListTest {

    @Test
    void theShippedListHasFortyCompaniesEachWithACik() {
        CompanyList list = CompanyList.read(new InputStreamReader(CompanyListTest.class.getResourceAsStream("/feeds/companies.csv"),
                StandardCharsets.UTF_8), "companies.csv");
        assertEquals(40, list.companies().size());
        assertEquals(List.of(), list.withoutCik());
        assertEquals(new Company("SNOW", "NYSE", OptionalLong.of(1640147), "Snowflake Inc."),
                list.companies().stream().filter(company -> company.ticker().equals("SNOW")).findFirst().orElseThrow());
        assertEquals("CIK0001640147", Company.secId(1640147));
    }

    @Test
    void aCompanyWithoutACikGetsTheOneResolved() {
        CompanyList list = CompanyList.read(new StringReader("ticker,exchange,cik,name\nTSLA,Nasdaq,,\"Tesla, Inc.\"\n"), "test");
        assertEquals(List.of("TSLA"), list.withoutCik());
        list.resolve("TSLA", 1318605);
        assertEquals(OptionalLong.of(1318605), list.companies().get(0).cik());
        assertEquals(List.of(), list.withoutCik());
    }

    @Test
    void aBadLineStopsTheStartNamingIt() {
        assertRefused("ticker,cik,name\nSNOW,1,A\n", "test: the first line must be ticker,exchange,cik,name");
        assertRefused("ticker,exchange,cik,name\nSNOW,NYSE,1,A\nsnow!,NYSE,2,B\n", "test line 3: ticker ");
        assertRefused("ticker,exchange,cik,name\nSNOW,NYSE,12345678901,A\n", "test line 2: cik must have 1 to 10 digits");
        assertRefused("ticker,exchange,cik,name\nSNOW,NYSE,x1,A\n", "test line 2: cik must be digits or empty");
        assertRefused("ticker,exchange,cik,name\nSNOW,NYSE,1,\"A\u0007B\"\n", "test line 2: name must be given, without control");
        assertRefused("ticker,exchange,cik,name\nSNOW,NYSE,1\n", "test line 2: needs 4 values, has 3");
        assertRefused("ticker,exchange,cik,name\n", "test: lists no company");
    }

    private static void assertRefused(String csv, String start) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CompanyList.read(new StringReader(csv), "test"));
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }
}
