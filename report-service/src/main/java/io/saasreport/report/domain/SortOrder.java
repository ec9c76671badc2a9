package io.saasreport.report.domain;

/** Direction of a sort; unknown values always come last, whatever the direction. */
public enum SortOrder {
    ASC, DESC;

    public static SortOrder named(String name) {
        return "desc".equalsIgnoreCase(name) ? DESC : ASC;
    }
}
