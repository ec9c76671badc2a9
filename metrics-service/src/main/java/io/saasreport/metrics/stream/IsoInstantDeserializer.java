package io.saasreport.metrics.stream;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.saasreport.contracts.UtcInstants;

/**
 * Reads an instant in the form every input event carries it from its digits ({@link UtcInstants}); anything else (an
 * offset, a number, a leap second, an invalid date) goes to Jackson's own {@link InstantDeserializer}, which decides
 * and words the errors.
 */
final class IsoInstantDeserializer extends StdDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant instant = UtcInstants.parse(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
