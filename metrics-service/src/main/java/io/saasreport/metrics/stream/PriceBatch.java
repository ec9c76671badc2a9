package io.saasreport.metrics.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.saasreport.metrics.domain.company.EventIdBits;
import io.saasreport.metrics.domain.company.PricePoint;

/**
 * The value of one {@code company-prices} entry: the prices a company took between two saves (one commit), so that
 * a burst of ticks costs one store entry and one changelog record per company and commit, not one per tick.
 *
 * <p>Bytes as written now: the marker {@link #COMPACT} (a NaN, 8 bytes), the number of prices (4), then per price
 * its epoch second (8), nanos (4), price (8) and its event id: a kind byte, then for {@link #ID_UUID} the id's 128
 * bits (16; a canonical UUID, as nearly every id is: 37 bytes a price), for {@link #ID_TEXT} its UTF-8 after its
 * length (4), for {@link #ID_NONE} nothing. Still read, as older changelogs hold them: batches marked
 * {@link #TEXT_IDS}, whose prices carry every id as UTF-8 after its length (-1: none), and entries from before
 * batches, one price as 8 bytes (a positive finite double, which no marker is) followed by its id in UTF-8, the
 * price's time being the key's.
 */
final class PriceBatch {

    private static final long TEXT_IDS = 0x7ff8_5072_6963_6573L;
    private static final long COMPACT = 0x7ff8_5072_6963_6532L;
    private static final byte ID_NONE = 0;
    private static final byte ID_UUID = 1;
    private static final byte ID_TEXT = 2;
    private static final int FIXED_BYTES_A_PRICE = Long.BYTES + Integer.BYTES + Double.BYTES + 1;

    private PriceBatch() {
    }

    static byte[] write(List<PricePoint> prices) {
        List<UUID> uuids = new ArrayList<>(prices.size());
        List<byte[]> texts = new ArrayList<>(prices.size());
        int size = Long.BYTES + Integer.BYTES;
        for (PricePoint price : prices) {
            UUID uuid = EventIdBits.canonicalUuid(price.eventId());
            byte[] text = uuid != null || price.eventId() == null ? null : price.eventId().getBytes(StandardCharsets.UTF_8);
            uuids.add(uuid);
            texts.add(text);
            size += FIXED_BYTES_A_PRICE + (uuid != null ? 2 * Long.BYTES : 0) + (text != null ? Integer.BYTES + text.length : 0);
        }
        ByteBuffer bytes = ByteBuffer.allocate(size).putLong(COMPACT).putInt(prices.size());
        for (int i = 0; i < prices.size(); i++) {
            PricePoint price = prices.get(i);
            bytes.putLong(price.at().getEpochSecond()).putInt(price.at().getNano()).putDouble(price.price());
            UUID uuid = uuids.get(i);
            byte[] text = texts.get(i);
            if (uuid != null) {
                bytes.put(ID_UUID).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            } else if (text != null) {
                bytes.put(ID_TEXT).putInt(text.length).put(text);
            } else {
                bytes.put(ID_NONE);
            }
        }
        return bytes.array();
    }

    /** The number of prices a stored value holds, without reading them. */
    static int count(byte[] value) {
        return Double.isNaN(ByteBuffer.wrap(value).getDouble(0)) ? ByteBuffer.wrap(value).getInt(Long.BYTES) : 1;
    }

    /** The prices of a stored value; {@code keyTime} is its key's time, the time of a price stored alone. */
    static List<PricePoint> read(byte[] value, Instant keyTime) {
        ByteBuffer bytes = ByteBuffer.wrap(value);
        if (!Double.isNaN(bytes.getDouble(0))) {
            String id = value.length > Double.BYTES
                    ? new String(value, Double.BYTES, value.length - Double.BYTES, StandardCharsets.UTF_8) : null;
            return List.of(new PricePoint(keyTime, bytes.getDouble(0), id));
        }
        long marker = bytes.getLong();
        if (marker != COMPACT && marker != TEXT_IDS) {
            throw new IllegalArgumentException("not a price batch: unknown marker");
        }
        int count = bytes.getInt();
        List<PricePoint> prices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = Instant.ofEpochSecond(bytes.getLong(), bytes.getInt());
            double price = bytes.getDouble();
            String id = marker == COMPACT ? compactId(bytes) : text(bytes, bytes.getInt());
            prices.add(new PricePoint(at, price, id));
        }
        return prices;
    }

    private static String compactId(ByteBuffer bytes) {
        byte kind = bytes.get();
        return switch (kind) {
            case ID_NONE -> null;
            case ID_UUID -> new UUID(bytes.getLong(), bytes.getLong()).toString();
            case ID_TEXT -> text(bytes, bytes.getInt());
            default -> throw new IllegalArgumentException("not a price batch: unknown event id kind " + kind);
        };
    }

    /** The UTF-8 text of {@code length} bytes at the buffer's position (none for a negative length). */
    private static String text(ByteBuffer bytes, int length) {
        if (length < 0) {
            return null;
        }
        String text = new String(bytes.array(), bytes.position(), length, StandardCharsets.UTF_8);
        bytes.position(bytes.position() + length);
        return text;
    }
}
