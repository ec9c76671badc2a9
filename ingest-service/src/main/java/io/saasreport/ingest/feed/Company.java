package io.saasreport.ingest.feed;

import java.util.OptionalLong;

/** A company the feeds follow: its ticker, listing exchange, SEC CIK (empty until resolved) and name. */
public record Company(String ticker, String exchange, OptionalLong cik, String name) {

    /** The CIK as SEC's URLs spell it: {@code CIK} and ten digits. */
    public static String secId(long cik) {
        return String.format("CIK%010d", cik);
    }
}
