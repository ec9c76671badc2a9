package io.saasreport.report.record;

/**
 * One readable record of a keyed topic: the value as read and as received, or a tombstone ({@code value} null)
 * saying the key is gone.
 */
public record Update<T>(String key, Version version, T value, String payload) {

    public static <T> Update<T> tombstone(String key) {
        return new Update<>(key, null, null, null);
    }

    public boolean isTombstone() {
        return value == null;
    }
}
