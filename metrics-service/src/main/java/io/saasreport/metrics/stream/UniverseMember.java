package io.saasreport.metrics.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.universe.DailyMove;
import io.saasreport.metrics.domain.universe.Universes;

/**
 * What the universe stage stores per company: its figures as stage 1 published them (the JSON with the revision,
 * kept as it came, so that storing costs no second JSON writing) and the day's move of its multiple that the alerts
 * follow. Read back into the domain's {@link Universes.HeldCompany} when the task starts.
 *
 * <p>Bytes: a version byte (1), the day's move (epoch day as 8 bytes, {@link Long#MIN_VALUE} when there is none;
 * baseline, 8; reported, 1), then the published JSON in UTF-8. Values stored before this format were the
 * {@code HeldCompany} as JSON, which starts with '{': they are read as such.
 */
record UniverseMember(String published, DailyMove multipleToday) {

    private static final byte VERSION = 1;
    private static final long NO_MOVE = Long.MIN_VALUE;
    private static final int HEADER = 1 + Long.BYTES + Double.BYTES + 1;

    static final Serde<UniverseMember> SERDE = Serdes.serdeFrom(
            (topic, member) -> member == null ? null : member.bytes(),
            (topic, bytes) -> bytes == null ? null : UniverseMember.of(bytes));

    Universes.HeldCompany held() {
        Revised<CompanyMetrics> figures = StreamJson.readPublished(published, CompanyMetrics.class);
        return new Universes.HeldCompany(figures.value(), figures.revision(), multipleToday);
    }

    private byte[] bytes() {
        byte[] json = published.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(HEADER + json.length).put(VERSION);
        if (multipleToday == null) {
            bytes.putLong(NO_MOVE).putDouble(0).put((byte) 0);
        } else {
            bytes.putLong(multipleToday.day().toEpochDay()).putDouble(multipleToday.baseline())
                    .put((byte) (multipleToday.reported() ? 1 : 0));
        }
        return bytes.put(json).array();
    }

    private static UniverseMember of(byte[] value) {
        if (value.length > 0 && value[0] == '{') {
            return ofHeldCompanyJson(value);
        }
        ByteBuffer bytes = ByteBuffer.wrap(value);
        if (value.length < HEADER || bytes.get() != VERSION) {
            throw new IllegalArgumentException("not a stored universe member: unknown format");
        }
        long day = bytes.getLong();
        double baseline = bytes.getDouble();
        boolean reported = bytes.get() == 1;
        DailyMove move = day == NO_MOVE ? null : new DailyMove(LocalDate.ofEpochDay(day), baseline, reported);
        return new UniverseMember(new String(value, HEADER, value.length - HEADER, StandardCharsets.UTF_8), move);
    }

    private static UniverseMember ofHeldCompanyJson(byte[] value) {
        try {
            Universes.HeldCompany held = StreamJson.MAPPER.readValue(value, Universes.HeldCompany.class);
            return new UniverseMember(StreamJson.writePublished(new Revised<>(held.figures(), held.revision())),
                    held.multipleToday());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a stored universe member", e);
        }
    }
}
