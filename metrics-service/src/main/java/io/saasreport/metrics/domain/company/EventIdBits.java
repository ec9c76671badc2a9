package io.saasreport.metrics.domain.company;

import java.util.UUID;

/**
 * An event id as the 128 bits of a UUID when it is one in canonical form, as nearly every id is (the ingest API
 * gives each record a random UUID): 16 bytes held instead of a 36-character string. Any other id is kept as text.
 */
public final class EventIdBits {

    private static final int CANONICAL_LENGTH = 36;

    private EventIdBits() {
    }

    /**
     * The UUID the id spells in canonical (lower-case, hyphenated) form, so that its {@code toString()} gives the
     * id back exactly; null for any other id, for none, and for the nil UUID (all zero bits mean "no id" to
     * holders of bits).
     */
    public static UUID canonicalUuid(String id) {
        if (id == null || id.length() != CANONICAL_LENGTH) {
            return null;
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
        boolean nil = uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0;
        return !nil && uuid.toString().equals(id) ? uuid : null;
    }
}
