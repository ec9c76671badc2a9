package io.saasreport.metrics.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.universe.DailyMove;
import io.saasreport.metrics.domain.universe.Universes;

/**
 * What the universe stage stores per company: its figures with their revision in the {@link CompactFigures} form
 * they came in on {@code universe-input} (kept as they came, so that storing them costs no second writing) and the
 * day's move of its multiple that the alerts follow. Read back into the domain's {@link Universes.HeldCompany}
 * when the task starts.
 *
 * <p>Bytes: a version byte (2), the day's move (epoch day as 8 bytes, {@link Long#MIN_VALUE} when there is none;
 * baseline, 8; reported, 1), then the compact figures. Values stored before are still read: version 1 held the
 * published JSON (with its revision) in UTF-8 after the same header, and before that the {@code HeldCompany} was
 * stored as JSON, which starts with '{'.
 */
record UniverseMember(byte[] figures, DailyMove multipleToday) {

    private static final byte VERSION = 2;
    private static final byte JSON_VERSION = 1;
    private static final long NO_MOVE = Long.MIN_VALUE;
    private static final int HEADER = 1 + Long.BYTES + Double.BYTES + 1;

    static final Serde<UniverseMember> SERDE = Serdes.serdeFrom(
            (topic, member) -> member == null ? null : member.bytes(),
            (topic, bytes) -> bytes == null ? null : UniverseMember.of(bytes));

    Universes.HeldCompany held() {
        Revised<CompanyMetrics> read = CompactFigures.read(figures);
        return new Universes.HeldCompany(read.value(), read.revision(), multipleToday);
    }

    private byte[] bytes() {
        ByteBuffer bytes = ByteBuffer.allocate(HEADER + figures.length).put(VERSION);
        if (multipleToday == null) {
            bytes.putLong(NO_MOVE).putDouble(0).put((byte) 0);
        } else {
            bytes.putLong(multipleToday.day().toEpochDay()).putDouble(multipleToday.baseline())
                    .put((byte) (multipleToday.reported() ? 1 : 0));
        }
        return bytes.put(figures).array();
    }

    private static UniverseMember of(byte[] value) {
        if (value.length > 0 && value[0] == '{') {
            return ofHeldCompanyJson(value);
        }
        ByteBuffer bytes = ByteBuffer.wrap(value);
        byte version = value.length < HEADER ? 0 : bytes.get();
        if (version != VERSION && version != JSON_VERSION) {
            throw new IllegalArgumentException("not a stored universe member: unknown format");
        }
        long day = bytes.getLong();
        double baseline = bytes.getDouble();
        boolean reported = bytes.get() == 1;
        DailyMove move = day == NO_MOVE ? null : new DailyMove(LocalDate.ofEpochDay(day), baseline, reported);
        byte[] rest = Arrays.copyOfRange(value, HEADER, value.length);
        if (version == JSON_VERSION) {
            String published = new String(rest, StandardCharsets.UTF_8);
            return new UniverseMember(CompactFigures.write(StreamJson.readPublished(published, CompanyMetrics.class)),
                    move);
        }
        return new UniverseMember(rest, move);
    }

    private static UniverseMember ofHeldCompanyJson(byte[] value) {
        try {
            Universes.HeldCompany held = StreamJson.MAPPER.readValue(value, Universes.HeldCompany.class);
            return new UniverseMember(CompactFigures.write(new Revised<>(held.figures(), held.revision())),
                    held.multipleToday());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a stored universe member", e);
        }
    }
}
