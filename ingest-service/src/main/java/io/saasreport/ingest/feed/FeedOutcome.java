package io.saasreport.ingest.feed;

/** How a run ended: every company fine, some failed (the others were published), or the feed as a whole failed. */
public enum FeedOutcome {
    SUCCESS, PARTIAL, FAILURE;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
