package io.saasreport.metrics.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.saasreport.metrics.domain.company.PricePoint;

/**
 * The value of one {@code company-prices} entry: the prices a company took between two saves (one commit), so that
 * a burst of ticks costs one store entry and one changelog record per company and commit, not one per tick.
 *
 * <p>Bytes: a NaN marker (8 bytes), the number of prices (4), then per price its epoch second (8), nanos (4), price
 * (8), and its event id as UTF-8 after its length (4; -1 when it came without one). Entries written before batches
 * existed hold one price as 8 bytes, a positive finite double, followed by its event id in UTF-8 when it had one,
 * the price's time being the key's: the marker, a NaN, is what no such price starts with.
 */
final class PriceBatch {

    private static final long MARKER = 0x7ff8_5072_6963_6573L;

    private PriceBatch() {
    }

    static byte[] write(List<PricePoint> prices) {
        List<byte[]> ids = new ArrayList<>(prices.size());
        int size = Long.BYTES + Integer.BYTES;
        for (PricePoint price : prices) {
            byte[] id = price.eventId() == null ? null : price.eventId().getBytes(StandardCharsets.UTF_8);
            ids.add(id);
            size += Long.BYTES + Integer.BYTES + Double.BYTES + Integer.BYTES + (id == null ? 0 : id.length);
        }
        ByteBuffer bytes = ByteBuffer.allocate(size).putLong(MARKER).putInt(prices.size());
        for (int i = 0; i < prices.size(); i++) {
            PricePoint price = prices.get(i);
            bytes.putLong(price.at().getEpochSecond()).putInt(price.at().getNano()).putDouble(price.price());
            byte[] id = ids.get(i);
            if (id == null) {
                bytes.putInt(-1);
            } else {
                bytes.putInt(id.length).put(id);
            }
        }
        return bytes.array();
    }

    /** The prices of a stored value; {@code keyTime} is its key's time, the time of a price stored alone. */
    static List<PricePoint> read(byte[] value, Instant keyTime) {
        ByteBuffer bytes = ByteBuffer.wrap(value);
        if (!Double.isNaN(bytes.getDouble(0))) {
            String id = value.length > Double.BYTES
                    ? new String(value, Double.BYTES, value.length - Double.BYTES, StandardCharsets.UTF_8) : null;
            return List.of(new PricePoint(keyTime, bytes.getDouble(0), id));
        }
        if (bytes.getLong() != MARKER) {
            throw new IllegalArgumentException("not a price batch: unknown marker");
        }
        int count = bytes.getInt();
        List<PricePoint> prices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = Instant.ofEpochSecond(bytes.getLong(), bytes.getInt());
            double price = bytes.getDouble();
            int idLength = bytes.getInt();
            String id = null;
            if (idLength >= 0) {
                id = new String(value, bytes.position(), idLength, StandardCharsets.UTF_8);
                bytes.position(bytes.position() + idLength);
            }
            prices.add(new PricePoint(at, price, id));
        }
        return prices;
    }
}
