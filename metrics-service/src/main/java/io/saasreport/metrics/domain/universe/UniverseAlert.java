package io.saasreport.metrics.domain.universe;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import io.saasreport.metrics.domain.company.GrowthBucket;

/**
 * One alert of a universe, published on {@code metrics.alerts}, with the figures that caused it. Its {@code id} is
 * derived from what caused it (the universe's or the company's revision), so the same cause always has the same id.
 *
 * <ul>
 *   <li>{@code top10-entered} / {@code top10-left}: the company's {@code rank} (1-based) in the top-10 EV / NTM
 *   revenue it entered (or held before it left), {@code value} its multiple now (null when it left the universe),
 *   {@code previous} its multiple at the last publication (left only);</li>
 *   <li>{@code bucket-changed}: {@code fromBucket} and {@code toBucket}, {@code previous} and {@code value} the NTM
 *   growth before and after;</li>
 *   <li>{@code multiple-moved}: the company's EV / NTM revenue {@code value}, the day's start {@code previous}, and
 *   {@code change} = (value − previous) / |previous|, beyond the threshold;</li>
 *   <li>{@code median-moved}: the same for the universe's median EV / NTM revenue.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UniverseAlert(String id, String universe, Type type, String ticker, Instant at, Double value,
        Double previous, Double change, Integer rank, String fromBucket, String toBucket) {

    public enum Type {
        TOP10_ENTERED("top10-entered"),
        TOP10_LEFT("top10-left"),
        BUCKET_CHANGED("bucket-changed"),
        MULTIPLE_MOVED("multiple-moved"),
        MEDIAN_MOVED("median-moved");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    static String id(String universe, Type type, String ticker, long revision) {
        return universe + "/" + type.wireName + (ticker == null ? "" : "/" + ticker) + "/" + revision;
    }

    static String bucketName(GrowthBucket bucket) {
        return bucket.name().toLowerCase(java.util.Locale.ROOT);
    }
}
