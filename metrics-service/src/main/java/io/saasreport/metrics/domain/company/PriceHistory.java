package io.saasreport.metrics.domain.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A company's prices ordered by time, one per instant, as primitive arrays: a week's ticks all stay (any of them can
 * become the weekly reference), so a price held costs what its values take, 36 bytes (time, price, event id as
 * UUID bits), not objects (a {@link PricePoint}, its {@code Instant} and its id's {@code String} took ~150 bytes);
 * a {@link PricePoint} is made when one is asked for. Prices nearly always come in time order, so taking one is an
 * append and dropping the oldest moves a start index; a late price is inserted in its place (a binary search and a
 * shift).
 */
final class PriceHistory {

    private long[] seconds = new long[4];
    private int[] nanos = new int[4];
    private double[] prices = new double[4];
    /** The event id's bits when it is a canonical UUID ({@link EventIdBits}); both zero otherwise. */
    private long[] idHigh = new long[4];
    private long[] idLow = new long[4];
    /** Ids that are not a canonical UUID, by index; made only when the first such id comes. */
    private String[] otherIds;
    /** The held prices are at {@code [start, end)}. */
    private int start;
    private int end;

    boolean isEmpty() {
        return start == end;
    }

    int size() {
        return end - start;
    }

    /** Takes the price unless one at the same instant is held; returns whether it was taken. */
    boolean add(PricePoint price) {
        long second = price.at().getEpochSecond();
        int nano = price.at().getNano();
        makeRoomAtEnd();
        int at = end;
        if (!isEmpty() && compare(end - 1, second, nano) >= 0) {
            int found = search(second, nano);
            if (found >= 0) {
                return false;
            }
            at = -found - 1;
            shift(at, at + 1, end - at);
        }
        end++;
        set(at, second, nano, price);
        return true;
    }

    /**
     * Puts this price at its instant, in place of the one held there (or as a new one); returns whether anything
     * changed.
     */
    boolean replace(PricePoint price) {
        int found = isEmpty() ? -1 : search(price.at().getEpochSecond(), price.at().getNano());
        if (found < 0) {
            return add(price);
        }
        if (prices[found] == price.price()) {
            return false;
        }
        set(found, seconds[found], nanos[found], price);
        return true;
    }

    /** Drops the price held at exactly this instant; returns whether one was held. */
    boolean remove(Instant at) {
        int found = isEmpty() ? -1 : search(at.getEpochSecond(), at.getNano());
        if (found < 0) {
            return false;
        }
        shift(found + 1, found, end - found - 1);
        end--;
        if (otherIds != null) {
            otherIds[end] = null;
        }
        return true;
    }

    /** Every price dropped. */
    void clear() {
        if (otherIds != null) {
            Arrays.fill(otherIds, null);
        }
        start = 0;
        end = 0;
    }

    /** Whether a price at exactly this instant is held. */
    boolean contains(Instant at) {
        return !isEmpty() && search(at.getEpochSecond(), at.getNano()) >= 0;
    }

    PricePoint first() {
        return isEmpty() ? null : pointAt(start);
    }

    PricePoint last() {
        return isEmpty() ? null : pointAt(end - 1);
    }

    Instant firstTime() {
        return isEmpty() ? null : timeAt(start);
    }

    Instant lastTime() {
        return isEmpty() ? null : timeAt(end - 1);
    }

    /** The time of the price before the latest; null with fewer than two. */
    Instant secondLastTime() {
        return size() < 2 ? null : timeAt(end - 2);
    }

    /** The last price at or before {@code at}; null if none. */
    PricePoint atOrBefore(Instant at) {
        if (isEmpty()) {
            return null;
        }
        int found = search(at.getEpochSecond(), at.getNano());
        int index = found >= 0 ? found : -found - 2;
        return index < start ? null : pointAt(index);
    }

    /**
     * Keeps the last price at or before {@code cutoff} and everything after it: drops the oldest price while the
     * next one is also at or before the cutoff. Looks at the oldest two times only when nothing is to go.
     */
    void dropBeforeLastAtOrBefore(Instant cutoff) {
        long second = cutoff.getEpochSecond();
        int nano = cutoff.getNano();
        while (end - start >= 2 && compare(start + 1, second, nano) <= 0) {
            if (otherIds != null) {
                otherIds[start] = null;
            }
            start++;
        }
    }

    List<PricePoint> toList() {
        List<PricePoint> list = new ArrayList<>(size());
        for (int i = start; i < end; i++) {
            list.add(pointAt(i));
        }
        return List.copyOf(list);
    }

    private PricePoint pointAt(int index) {
        return new PricePoint(timeAt(index), prices[index], idAt(index));
    }

    private Instant timeAt(int index) {
        return Instant.ofEpochSecond(seconds[index], nanos[index]);
    }

    private String idAt(int index) {
        if (idHigh[index] != 0 || idLow[index] != 0) {
            return new UUID(idHigh[index], idLow[index]).toString();
        }
        return otherIds == null ? null : otherIds[index];
    }

    private void set(int index, long second, int nano, PricePoint price) {
        seconds[index] = second;
        nanos[index] = nano;
        prices[index] = price.price();
        UUID uuid = EventIdBits.canonicalUuid(price.eventId());
        idHigh[index] = uuid == null ? 0 : uuid.getMostSignificantBits();
        idLow[index] = uuid == null ? 0 : uuid.getLeastSignificantBits();
        String other = uuid == null ? price.eventId() : null;
        if (other != null && otherIds == null) {
            otherIds = new String[seconds.length];
        }
        if (otherIds != null) {
            otherIds[index] = other;
        }
    }

    /** Moves {@code length} prices from index {@code from} to index {@code to}. */
    private void shift(int from, int to, int length) {
        System.arraycopy(seconds, from, seconds, to, length);
        System.arraycopy(nanos, from, nanos, to, length);
        System.arraycopy(prices, from, prices, to, length);
        System.arraycopy(idHigh, from, idHigh, to, length);
        System.arraycopy(idLow, from, idLow, to, length);
        if (otherIds != null) {
            System.arraycopy(otherIds, from, otherIds, to, length);
        }
    }

    /** The order of the time at {@code index} to the given time. */
    private int compare(int index, long second, int nano) {
        int order = Long.compare(seconds[index], second);
        return order != 0 ? order : Integer.compare(nanos[index], nano);
    }

    /** Index of the price at the given time, or {@code -(insertion index) - 1}. */
    private int search(long second, int nano) {
        int low = start;
        int high = end - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, second, nano);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /**
     * Makes index {@code end} free. A history drops its oldest prices as new ones come (the week slides), so the held
     * prices are moved to the front of the arrays while that leaves at least an eighth of them free; otherwise, or when
     * the arrays are more than twice what is held, they are made a quarter larger than what is held. A sliding week
     * then keeps about 1.25 slots a price held (growing by doubling and reusing the room only below half full kept
     * 2-4), for about four moves of a price per price taken.
     */
    private void makeRoomAtEnd() {
        if (end < seconds.length) {
            return;
        }
        int size = size();
        int capacity = seconds.length;
        if (capacity <= size + (size >> 3) || capacity > size * 2) {
            capacity = size + (size >> 2) + 4;
        }
        if (capacity == seconds.length) {
            int oldEnd = end;
            shift(start, 0, size);
            if (otherIds != null) {
                Arrays.fill(otherIds, size, oldEnd, null);
            }
        } else {
            seconds = moved(seconds, capacity, size);
            nanos = moved(nanos, capacity, size);
            prices = moved(prices, capacity, size);
            idHigh = moved(idHigh, capacity, size);
            idLow = moved(idLow, capacity, size);
            if (otherIds != null) {
                String[] movedIds = new String[capacity];
                System.arraycopy(otherIds, start, movedIds, 0, size);
                otherIds = movedIds;
            }
        }
        start = 0;
        end = size;
    }

    /** The prices the arrays have room for (what they cost), held or not. */
    int capacity() {
        return seconds.length;
    }

    private long[] moved(long[] values, int capacity, int size) {
        long[] copy = new long[capacity];
        System.arraycopy(values, start, copy, 0, size);
        return copy;
    }

    private int[] moved(int[] values, int capacity, int size) {
        int[] copy = new int[capacity];
        System.arraycopy(values, start, copy, 0, size);
        return copy;
    }

    private double[] moved(double[] values, int capacity, int size) {
        double[] copy = new double[capacity];
        System.arraycopy(values, start, copy, 0, size);
        return copy;
    }
}
