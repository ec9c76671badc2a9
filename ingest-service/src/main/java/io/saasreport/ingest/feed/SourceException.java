package io.saasreport.ingest.feed;

/** A source did not give a usable document: why, in words fit for the feeds' status (never the URL's query, which may hold a key). */
public class SourceException extends Exception {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
