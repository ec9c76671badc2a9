package io.saasreport.ingest.feed;

/** One source the report is kept current from: fetched on its schedule, turned into events by the existing importers. */
public interface Feed {

    String name();

    /**
     * Fetches and publishes once. A company's failure is recorded on the run and the others go on; an exception is
     * a failure of the whole feed (its one document could not be had or used).
     */
    void run(FeedRun run) throws Exception;
}
