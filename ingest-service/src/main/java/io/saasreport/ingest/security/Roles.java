package io.saasreport.ingest.security;

/** The role a valid API key grants: the right to publish events. */
public final class Roles {

    public static final String INGEST = "ingest";

    private Roles() {
    }
}
